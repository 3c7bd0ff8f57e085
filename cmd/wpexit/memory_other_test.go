//go:build !linux

package main_test

// launchMeasured is Linux's only (memory_test.go).
func launchMeasured() bool { return false }
