//go:build !linux

package publish

func swap(tmp, out string) error { return swapTwoSteps(tmp, out) }
