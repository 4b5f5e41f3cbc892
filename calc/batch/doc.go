// Package batch answers registers of households for the command line:
// a sheet (CSV or .xlsx, see package sheet) or JSON, read and answered
// one household at a time so that a register of any size takes flat
// memory, each bad row reported with its row number (as Excel numbers
// it) and field, the others answered.
//
// The rules are calc's; this package only connects rows to them.
package batch
