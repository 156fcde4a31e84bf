package model

// MapsConfig is the [maps] table of config.toml.
type MapsConfig struct {
	// Off leaves out every map, the /carte/ page and the search by
	// location (the boundaries are then never read).
	Off bool `toml:"off"`
	// Tiles switches on an interactive map with background tiles on the
	// CPTS pages, loaded from the URL template the site owner chooses
	// ("https://tile.example.org/{z}/{x}/{y}.png"). Empty by default: the
	// site then makes no request to any other host. When set, the
	// Content-Security-Policy allows images from that host and the map
	// says where its tiles come from.
	Tiles URL `toml:"tiles"`
	// TilesAttribution is the credit the tile provider asks for
	// ("© les contributeurs d'OpenStreetMap"), shown under the map.
	TilesAttribution string `toml:"tiles_attribution"`
}
