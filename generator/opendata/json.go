package opendata

import "github.com/cpts-fr/cpts/generator/model"

// cptsJSON writes cpts.json: the site, the licence and every CPTS with its
// territory, member counts, public names, missions and contacts.
func cptsJSON(site *model.Site, rows []record, lic Licence) []byte {
	type licence struct {
		ID    string `json:"id"`
		Title string `json:"titre"`
		URL   string `json:"url"`
	}
	return marshal(struct {
		Schema  string   `json:"$schema"`
		Title   string   `json:"titre"`
		Source  string   `json:"source"`
		Licence licence  `json:"licence"`
		CPTS    []record `json:"cpts"`
	}{
		Schema:  baseURL(site) + Dir + "cpts.schema.json",
		Title:   site.Config.Title,
		Source:  baseURL(site),
		Licence: licence{lic.ID, lic.Title, lic.URL},
		CPTS:    rows,
	})
}
