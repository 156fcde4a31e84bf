// Package load reads a site from an fs.FS into a model.Site: config.toml,
// and the CPTS records, news and pages under content/. It checks everything
// that can be checked file by file (syntax, encoding, unknown keys with
// did-you-mean, required fields, types, closed lists, dates, e-mail
// addresses, phone numbers, URLs, slugs) and returns every problem as a
// positioned diagnostic. Checks that need the commune reference data or
// several records at once belong to package validate.
package load
