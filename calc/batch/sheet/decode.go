package sheet

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encoding names a text encoding Decode recognises.
type Encoding string

// The encodings Decode recognises. ASCII is text without a byte above
// 0x7F so far, read as it is (it is the same in UTF-8 and GB18030).
const (
	ASCII    Encoding = "ASCII"
	UTF8     Encoding = "UTF-8"
	UTF8BOM  Encoding = "UTF-8 (BOM)"
	GB18030  Encoding = "GB18030"
	UTF16LE  Encoding = "UTF-16LE"
	UTF16BE  Encoding = "UTF-16BE"
	sniffLen          = 4096 // bytes examined to choose between UTF-8 and GB18030
)

// Errors of text that is not a register.
var (
	ErrBinary   = errors.New("文件含有 NUL 字节，不是文本表格（是否选错了文件？Excel 文件请用 .xlsx 扩展名）")
	ErrEncoding = errors.New("无法识别文件编码：请另存为 UTF-8、GB18030/GBK 或带 BOM 的 UTF-16 文本")
	ErrUTF16    = errors.New("这像是不带 BOM 的 UTF-16 文本：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或“Unicode 文本”")
	ErrXLSX     = errors.New("这是 Excel 工作簿（.xlsx），不是 CSV：请给出以 .xlsx 结尾的文件名")
	ErrXLS      = errors.New("这是旧版 Excel 工作簿（.xls）：请在 Excel 中另存为 .xlsx 或 CSV")
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
	magicZip   = []byte("PK\x03\x04")
	magicOLE   = []byte{0xD0, 0xCF, 0x11, 0xE0}
)

// Decoder turns the bytes of a text file into UTF-8, choosing the
// encoding without being told: a byte-order mark decides (UTF-8, UTF-16
// little or big endian); without one the text is passed through while it
// is ASCII, and at its first other byte the next 4 KB decide between
// UTF-8 (if they are valid UTF-8) and GB18030 (which includes GBK and
// GB2312). Decoding is golang.org/x/text's. A NUL byte anywhere in text
// that is not UTF-16 is ErrBinary.
type Decoder struct {
	br  *bufio.Reader
	r   io.Reader // once chosen: the decoded text
	enc Encoding
	err error
}

// NewDecoder returns a Decoder reading r. It reads the byte-order mark, if
// any, at once; a read error then is returned by the first Read.
func NewDecoder(r io.Reader) *Decoder {
	d := &Decoder{br: bufio.NewReaderSize(r, 64<<10), enc: ASCII}
	head, err := d.br.Peek(4)
	if err != nil && err != io.EOF {
		d.err = err
	}
	switch {
	case bytes.HasPrefix(head, magicZip):
		d.err = ErrXLSX
	case bytes.HasPrefix(head, magicOLE):
		d.err = ErrXLS
	case len(head) == 4 && (head[1] == 0 && head[3] == 0 && head[0] != 0 || head[0] == 0 && head[2] == 0 && head[1] != 0):
		d.err = ErrUTF16
	case bytes.HasPrefix(head, bomUTF8):
		d.br.Discard(len(bomUTF8))
		d.choose(UTF8BOM, nil)
	case bytes.HasPrefix(head, bomUTF16LE):
		d.choose(UTF16LE, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM))
	case bytes.HasPrefix(head, bomUTF16BE):
		d.choose(UTF16BE, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM))
	}
	return d
}

// Encoding returns the encoding chosen so far (ASCII while undecided).
func (d *Decoder) Encoding() Encoding { return d.enc }

// choose fixes the encoding; e nil reads the bytes as UTF-8.
func (d *Decoder) choose(name Encoding, e encoding.Encoding) {
	d.enc = name
	if e == nil {
		d.r = &nulChecker{r: d.br}
		return
	}
	d.r = &nulChecker{r: transform.NewReader(d.br, e.NewDecoder())}
}

// Read reads decoded UTF-8 text.
func (d *Decoder) Read(p []byte) (int, error) {
	if d.err != nil {
		return 0, d.err
	}
	if d.r != nil {
		return d.r.Read(p)
	}
	if len(p) == 0 {
		return 0, nil
	}
	if _, err := d.br.Peek(1); err != nil {
		return 0, err
	}
	buf, _ := d.br.Peek(d.br.Buffered())
	n := asciiPrefix(buf)
	if n == 0 {
		if d.err = d.decide(); d.err != nil {
			return 0, d.err
		}
		return d.r.Read(p)
	}
	if bytes.IndexByte(buf[:n], 0) >= 0 {
		d.err = ErrBinary
		return 0, d.err
	}
	n = copy(p, buf[:n])
	d.br.Discard(n)
	return n, nil
}

// asciiPrefix returns the length of buf's leading ASCII bytes.
func asciiPrefix(buf []byte) int {
	for i, c := range buf {
		if c >= utf8.RuneSelf {
			return i
		}
	}
	return len(buf)
}

// decide chooses UTF-8 or GB18030 from the bytes ahead, the first of
// which is not ASCII.
func (d *Decoder) decide() error {
	win, err := d.br.Peek(sniffLen)
	atEOF := err != nil
	if validUTF8(win, atEOF) {
		d.choose(UTF8, nil)
		return nil
	}
	if !validGB18030(win, atEOF) {
		return ErrEncoding
	}
	d.choose(GB18030, simplifiedchinese.GB18030)
	return nil
}

// validUTF8 reports whether win is UTF-8, allowing a rune cut at its end
// when more text follows.
func validUTF8(win []byte, atEOF bool) bool {
	if i := lastStart(win); !atEOF && !utf8.FullRune(win[i:]) {
		win = win[:i]
	}
	return utf8.Valid(win)
}

// lastStart returns the index of the last byte of win that may start a rune.
func lastStart(win []byte) int {
	i := len(win) - 1
	for i > 0 && len(win)-i < utf8.UTFMax && !utf8.RuneStart(win[i]) {
		i--
	}
	return i
}

// validGB18030 reports whether win decodes as GB18030 with no invalid
// byte and no NUL.
func validGB18030(win []byte, atEOF bool) bool {
	dst := make([]byte, 4*len(win)+16)
	n, _, err := simplifiedchinese.GB18030.NewDecoder().Transform(dst, win, atEOF)
	if err != nil && err != transform.ErrShortSrc {
		return false
	}
	out := dst[:n]
	return !bytes.ContainsRune(out, utf8.RuneError) && bytes.IndexByte(out, 0) < 0
}

// nulChecker fails with ErrBinary at a NUL byte.
type nulChecker struct{ r io.Reader }

func (c *nulChecker) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if bytes.IndexByte(p[:n], 0) >= 0 {
		return 0, ErrBinary
	}
	return n, err
}
