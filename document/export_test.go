package document

// SetMaxLine lowers the cap on one JSON line, so tests need not write
// 20 MB lines.
func SetMaxLine(r *JSONLReader, n int64) { r.max = n }

// ObjectFields is objectFields, for FuzzObjectFields.
var ObjectFields = objectFields

// ValidJSON is validJSON, for FuzzValidJSON.
var ValidJSON = validJSON
