package search

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
)

// proseRecord returns the record of a prose document and its CPTS rows,
// from its chunk.
func (s *Searcher) proseRecord(id int) ([]any, [][]any, error) {
	ix := s.man.Docs
	if ix == nil {
		return nil, nil, fmt.Errorf("search: document %d: the manifest lists no records of prose", id)
	}
	p, at := ix.place(id)
	c, ok := s.chunks[p]
	if !ok {
		data, err := s.read(p)
		if err != nil {
			return nil, nil, err
		}
		var raw chunkJSON
		if err := json.Unmarshal(data, &raw); err != nil {
			return nil, nil, fmt.Errorf("search: %s: %v", p, err)
		}
		c = &chunk{x: raw.X, recs: raw.D}
		s.chunks[p] = c
	}
	rec := c.recs[at]
	if k, ok := rec[0].(float64); ok {
		rec[0] = Kind(k)
	}
	var rows [][]any
	for _, i := range recordRefs(rec) {
		rows = append(rows, c.x[i])
	}
	return rec, rows, nil
}

// hasRecord reports whether the chunk of the record of prose document id
// is loaded.
func (s *Searcher) hasRecord(id int) bool {
	ix := s.man.Docs
	if ix == nil {
		return false
	}
	p, _ := ix.place(id)
	_, ok := s.chunks[p]
	return ok
}

// result turns a hit into a line of the results list.
func (s *Searcher) result(h hit) (Result, error) {
	var rec []any
	var rows [][]any
	if h.r != nil {
		rec, rows = h.r.rec, h.r.rows
	} else {
		var err error
		if rec, rows, err = s.proseRecord(h.id); err != nil {
			return Result{}, err
		}
	}
	str := func(i int) string { v, _ := rec[i].(string); return v }
	var names, slugs []string
	for _, x := range rows {
		names = append(names, x[1].(string))
		slugs = append(slugs, x[0].(string))
	}
	kind := rec[0].(Kind)
	switch kind {
	case KindCommune:
		url := plan.CommunePage(str(1))
		if len(rec) > 5 {
			url = str(5)
		}
		return Result{ID: "commune:" + str(1), Kind: kind, Name: str(2), URL: url, Dept: deptOf(str(1)), CPTS: names, More: str(3), slugs: slugs}, nil
	case KindDepartement:
		return Result{ID: "departement:" + str(1), Kind: kind, Name: str(2), URL: str(3), Dept: str(1)}, nil
	case KindRegion:
		return Result{ID: "region:" + str(1), Kind: kind, Name: str(2), URL: str(3)}, nil
	case KindCPTS:
		x := rows[0]
		return Result{ID: "cpts:" + x[0].(string), Kind: kind, Name: x[1].(string), URL: cptsURL(x[0].(string)), Dept: x[4].(string), slugs: slugs}, nil
	case KindProfession:
		x := rows[0]
		return Result{ID: "profession:" + str(1) + "@" + x[0].(string), Kind: kind, Name: str(2),
			URL: cptsURL(x[0].(string)) + "#membres", Dept: x[4].(string), CPTS: names}, nil
	case KindMission:
		x := rows[0]
		return Result{ID: "mission:" + x[0].(string) + ":" + strings.ReplaceAll(Key(str(1)), " ", "-"), Kind: kind, Name: str(1),
			URL: cptsURL(x[0].(string)) + "#missions", Dept: x[4].(string), CPTS: names, More: str(2)}, nil
	case KindNews:
		res := Result{ID: "news:" + str(2), Kind: kind, Name: str(1), URL: str(2), CPTS: names}
		if len(rows) > 0 {
			res.Dept = rows[0][4].(string)
		}
		return res, nil
	}
	return Result{ID: "unknown:" + strconv.Itoa(int(kind))}, nil
}

// cptsURL is the page of the CPTS of a slug.
func cptsURL(slug string) string { return plan.CPTSPage(&model.CPTS{Slug: slug}) }
