package rules

import "strconv"

// Figures inside the evaluation are int64 in fixed units: money and areas
// in hundredths (fen for yuan), rates in ten-thousandths (0.20 is 2000).
// Decimals are the type of every figure at the edges (Params, Result);
// the content's figures are validated to fit these units exactly.

// rateScale is the number of decimal places of a rate.
const rateScale = 4

// appendNum writes v / 10^scale without trailing zeros: "2500", "2500.5",
// "0.01", "-3".
func appendNum(b []byte, v int64, scale int) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	pow := int64(1)
	for range scale {
		pow *= 10
	}
	b = strconv.AppendInt(b, v/pow, 10)
	frac := v % pow
	if frac == 0 {
		return b
	}
	b = append(b, '.')
	for p := pow / 10; p > 0; p /= 10 {
		b = append(b, byte('0'+frac/p%10))
	}
	for b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	return b
}

// appendFixed2 writes hundredths with exactly two places: "1500.00".
func appendFixed2(b []byte, v int64) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	b = strconv.AppendInt(b, v/100, 10)
	f := v % 100
	return append(b, '.', byte('0'+f/10), byte('0'+f%10))
}

// appendMoney writes hundredths of yuan as the explanations show money:
// whole yuan without decimals, else to the fen ("3500", "0.01", "12.50").
func appendMoney(b []byte, v int64) []byte {
	if v%100 == 0 {
		return strconv.AppendInt(b, v/100, 10)
	}
	return appendFixed2(b, v)
}

// appendPct writes a rate (ten-thousandths) as a percentage: 2000 → "20%".
func appendPct(b []byte, rate int64) []byte {
	return append(appendNum(b, rate, rateScale-2), '%')
}

// roundDiv divides n by d (d > 0), rounding half away from zero, the one
// rounding rule of the calculator.
func roundDiv(n, d int64) int64 {
	if n < 0 {
		return -roundDiv(-n, d)
	}
	return (n + d/2) / d
}
