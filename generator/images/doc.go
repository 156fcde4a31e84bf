// Package images checks and processes the images the content shows:
// photos in Markdown (![Texte](photo.jpg)), news covers and CPTS logos.
//
// An image is a file beside the Markdown that shows it (a CPTS folder, a
// news bundle news/<date>-<slug>/index.md) or, written as a site path
// ("/img/x.jpg"), a file of the site's static/ folder. Check reports an
// image without alternative text (a decorative one says so with the text
// "-"), a remote image, and a file that is missing or is not a readable
// JPEG, PNG, WebP or SVG, each at the position where it is written.
//
// Process decodes each image once, applies its EXIF orientation, and
// writes a few versions for srcset: a photo at 480, 960 and 1600 pixels
// wide (never upscaled), resized with the Catmull-Rom filter and encoded
// as JPEG at quality 75, or as PNG when it has transparency or compresses
// better losslessly (a screenshot); a logo at one and two times a 160×80
// box, PNG kept PNG. A version that exceeds MaxBytes is encoded again at
// a lower quality, then smaller. Encoding writes pixels only: EXIF (GPS
// position, camera, owner), XMP, IPTC, ICC profiles, comments and PNG text
// chunks are all left behind. SVG files are sanitised (no script, event
// handler, foreignObject, animation, metadata or reference to another
// file) and minified. Output names carry a hash of their content.
//
// Processed images are kept in a cache folder between builds, keyed by a
// hash of the source file, the settings and the Go version, so an
// unchanged photo is not encoded again; a cache that cannot be written
// only makes builds slower. Strip removes metadata from images copied as
// they are (static/).
package images
