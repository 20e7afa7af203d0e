package pipeline

// RenderProblem lets the tests word a failure as the build does.
var RenderProblem = renderProblem
