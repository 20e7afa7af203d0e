package search

// The page text's own readers, for maintext_test.go: an outside test, since it builds the
// sample site with the pipeline, which imports this package.
var (
	MainTextTokens = mainTextTokens
	MainScan       = mainScan
	AppendFields   = appendFields
	MainOpen       = mainOpen
)
