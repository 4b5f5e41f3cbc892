// Package sheet reads and writes the spreadsheets staff keep their
// registers in: CSV as Excel on Chinese Windows saves it (UTF-8 with or
// without a byte-order mark, GB18030/GBK, UTF-16 with a byte-order mark,
// comma- or tab-separated) and .xlsx (the first sheet). Rows are read and
// written one at a time, so a register of any size takes flat memory.
//
// Every row carries its number as Excel shows it (the first row is 1),
// and every text cell written is neutralised so that no spreadsheet can
// read it as a formula (see Neutralize).
//
// The package knows nothing of the calculator; calc/batch gives the rows
// their meaning.
package sheet
