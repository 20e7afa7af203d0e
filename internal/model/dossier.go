package model

import "chiso/internal/diag"

// Dossiers are a period's dossier and procedure statistics (shape C of REPORTS.md):
// counts, not rates, for the whole entity and, where given, by level. Every figure is
// optional; a nil figure was not published.
//
// Received counts the dossiers received during the period, online and direct; the
// dossiers carried over from the previous period are counted apart, so that
//
//	Received = Online + Direct
//	Received + CarriedOver = Resolved + Pending
//	Resolved = OnTime + Late
//
// Published figures often do not close: package validate warns, nothing is adjusted.
type Dossiers struct {
	DossierCounts
	Levels []*DossierCounts // by level, in level order
}

// DossierCounts are the figures of the whole entity (Level nil) or of one level.
type DossierCounts struct {
	Level         *Level
	Received      *int64 // hồ sơ tiếp nhận trong kỳ
	Online        *int64 // trong đó trực tuyến
	Direct        *int64 // trong đó trực tiếp (và qua bưu chính)
	CarriedOver   *int64 // kỳ trước chuyển sang
	Resolved      *int64 // đã giải quyết
	OnTime        *int64 // trong đó đúng hạn
	Late          *int64 // trong đó quá hạn
	Pending       *int64 // đang giải quyết
	Payments      *int64 // giao dịch thanh toán trực tuyến
	PaymentAmount *int64 // số tiền thanh toán trực tuyến, đồng
	Procedures    *int64 // thủ tục hành chính được công bố, công khai
	Pos           diag.Pos
	// At is where each figure is written, by its key in the data file, for messages.
	At map[string]diag.Pos
}

// share is part over whole in percent, when both are given and whole is positive.
func share(part, whole *int64) (float64, bool) {
	if part == nil || whole == nil || *whole <= 0 {
		return 0, false
	}
	return float64(*part) * 100 / float64(*whole), true
}

// OnlineShare is the online dossiers' share of the dossiers received, in percent.
func (d *DossierCounts) OnlineShare() (float64, bool) { return share(d.Online, d.Received) }

// OnTimeShare is the on-time dossiers' share of the dossiers resolved, in percent.
func (d *DossierCounts) OnTimeShare() (float64, bool) { return share(d.OnTime, d.Resolved) }

// HasOnlineShare and the like let templates ask before printing a share.
func (d *DossierCounts) HasOnlineShare() bool { _, ok := d.OnlineShare(); return ok }

// HasOnTimeShare reports whether the on-time share can be computed.
func (d *DossierCounts) HasOnTimeShare() bool { _, ok := d.OnTimeShare(); return ok }

// OnlinePercent is OnlineShare without its flag, for templates.
func (d *DossierCounts) OnlinePercent() float64 { v, _ := d.OnlineShare(); return v }

// OnTimePercent is OnTimeShare without its flag, for templates.
func (d *DossierCounts) OnTimePercent() float64 { v, _ := d.OnTimeShare(); return v }

// HasDossierFigures reports whether any dossier count is given (as opposed to payments or
// procedures only).
func (d *DossierCounts) HasDossierFigures() bool {
	for _, f := range []*int64{d.Received, d.Online, d.Direct, d.CarriedOver, d.Resolved, d.OnTime, d.Late, d.Pending} {
		if f != nil {
			return true
		}
	}
	return false
}

// Identity is one sum the figures should satisfy: Left = sum of Right.
type Identity struct {
	Left  string   // key of the total, as in the data file: "received"
	Right []string // keys of its parts: "online", "direct"
	Want  int64    // the total as written
	Got   int64    // the sum of the parts as written
}

// Identities lists the sums whose figures are all given and do not close.
func (d *DossierCounts) Identities() []Identity {
	var out []Identity
	check := func(left string, l *int64, right []string, rs ...*int64) {
		if l == nil {
			return
		}
		var sum int64
		for _, r := range rs {
			if r == nil {
				return
			}
			sum += *r
		}
		if sum != *l {
			out = append(out, Identity{Left: left, Right: right, Want: *l, Got: sum})
		}
	}
	check("received", d.Received, []string{"online", "direct"}, d.Online, d.Direct)
	// Carried-over dossiers are resolved or pending too; when none are given, none were.
	handled := d.Received
	if handled != nil && d.CarriedOver != nil {
		n := *d.Received + *d.CarriedOver
		handled = &n
	}
	left := "received"
	if d.CarriedOver != nil {
		left = "received + carried_over"
	}
	check(left, handled, []string{"resolved", "pending"}, d.Resolved, d.Pending)
	check("resolved", d.Resolved, []string{"on_time", "late"}, d.OnTime, d.Late)
	return out
}

// slots are the figures by their key in the data file.
func (d *DossierCounts) slots() map[string]**int64 {
	return map[string]**int64{
		"received": &d.Received, "online": &d.Online, "direct": &d.Direct, "carried_over": &d.CarriedOver,
		"resolved": &d.Resolved, "on_time": &d.OnTime, "late": &d.Late, "pending": &d.Pending,
		"payments": &d.Payments, "payment_amount": &d.PaymentAmount, "procedures": &d.Procedures,
	}
}

// DossierKeys are the figures' keys in the data file, in the order they are printed.
var DossierKeys = []string{"received", "online", "direct", "carried_over", "resolved", "on_time", "late",
	"pending", "payments", "payment_amount", "procedures"}

// Figure returns the figure written under key, or nil.
func (d *DossierCounts) Figure(key string) *int64 {
	if s := d.slots()[key]; s != nil {
		return *s
	}
	return nil
}

// Set stores figure n under key; false for a key that is not a figure.
func (d *DossierCounts) Set(key string, n int64) bool {
	s := d.slots()[key]
	if s == nil {
		return false
	}
	*s = &n
	return true
}

// Whole is the whole entity's figures.
func (d *Dossiers) Whole() *DossierCounts { return &d.DossierCounts }

// HasExtras reports whether online payments or published procedures are given.
func (d *DossierCounts) HasExtras() bool {
	return d.Payments != nil || d.PaymentAmount != nil || d.Procedures != nil
}
