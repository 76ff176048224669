// The demo clients to part ways with: a red line crossed.
#include "gen/demo_stories.h"
#include "gen/names.h"

namespace addio::gen {
namespace {

constexpr auto kMon = Weekday::kMonday;
constexpr auto kTue = Weekday::kTuesday;
constexpr auto kWed = Weekday::kWednesday;
constexpr auto kThu = Weekday::kThursday;
constexpr auto kFri = Weekday::kFriday;
constexpr auto kIn = Direction::kInbound;
constexpr auto kOut = Direction::kOutbound;

}  // namespace

// Part ways. Ferri Arredamenti, a furniture maker in Brianza, started with a small job
// on a handshake. For the big one, an online catalogue, Giulia sent a contract in
// January 2026: "we'll sign it next week", three times. It was never signed, the work
// went on for four months anyway, and in October they asked for a 3D configurator on the
// same terms. They pay; but one dispute and every hour of the catalogue is her word
// against theirs. No signature, no more work.
void AddFerri(DemoBuilder& b) {
  const std::string c = "ferri";
  b.AddClient({.id = c,
               .name = "Ferri Arredamenti S.r.l.",
               .country = "IT",
               .since = Day("2025-10-06"),
               .tax_id = ItalianVatNumber("0593316096"),
               .emails = {"info@ferriarredamenti.it", "ufficio.tecnico@ferriarredamenti.it"},
               .domains = {"ferriarredamenti.it"}});
  const Project sheets = b.AddProject({.id = "ferri-p1",
                                       .client = c,
                                       .name = "Aggiornamento delle schede prodotto",
                                       .pricing = Pricing::kFixed,
                                       .budget_hours = 20,
                                       .fee = b.Eur("1200.00"),
                                       .start = Day("2025-10-06"),
                                       .end = Day("2025-10-31")});
  b.Weekly({.client = c,
            .project = sheets.id,
            .first = Day("2025-10-06"),
            .last = Day("2025-10-31"),
            .days = {kMon, kWed},
            .minutes = 150,
            .note = "Schede prodotto"});
  b.PayAfterDue(b.AddInvoice(c, Day("2025-10-31"), 30, b.Eur("1200.00")), -2);

  b.AddContract({.id = "ferri-k1",
                 .client = c,
                 .sent = Day("2026-01-19"),
                 .payment_terms_days = 30,
                 .hourly_rate = b.Eur("60.00")});
  const Project catalogue = b.AddProject({.id = "ferri-p2",
                                          .client = c,
                                          .contract = "ferri-k1",
                                          .name = "Catalogo online",
                                          .pricing = Pricing::kFixed,
                                          .budget_hours = 90,
                                          .fee = b.Eur("5400.00"),
                                          .start = Day("2026-02-02"),
                                          .end = Day("2026-05-29")});
  b.Weekly({.client = c,
            .project = catalogue.id,
            .first = Day("2026-02-02"),
            .last = Day("2026-05-29"),
            .days = {kTue, kThu},
            .minutes = 165,
            .note = "Sviluppo del catalogo"});
  b.AddRequest({.client = c,
                .project = catalogue.id,
                .at = b.At("2026-03-12 10:20"),
                .summary = "Aggiungere le finiture dei tavoli al catalogo",
                .estimate_hours = 4,
                .deadline = b.At("2026-03-31 18:00")});
  b.PayAfterDue(b.AddInvoice(c, Day("2026-02-02"), 30, b.Eur("1620.00")), -3);
  b.PayAfterDue(b.AddInvoice(c, Day("2026-05-29"), 30, b.Eur("3780.00")), 1);

  b.LogContact(c, "2025-10-02 10:00", Channel::kCall, kIn, 20);      // "a small job, no paperwork"
  b.LogContact(c, "2026-01-13 11:00", Channel::kMeeting, kOut, 60);  // the catalogue, on site
  b.LogContact(c, "2026-01-19 10:05", Channel::kEmail, kOut, 10);    // the contract, sent
  b.LogContact(c, "2026-01-30 09:45", Channel::kEmail, kOut, 5);     // reminder
  b.LogContact(c, "2026-02-02 11:00", Channel::kCall, kIn, 15);   // "start, we'll sign next week"
  b.LogContact(c, "2026-02-16 09:30", Channel::kEmail, kOut, 5);  // reminder
  b.LogContact(c, "2026-03-09 15:00", Channel::kCall, kOut, 10);  // reminder, by phone
  b.LogContact(c, "2026-04-14 10:30", Channel::kCall, kIn, 20);
  b.LogContact(c, "2026-05-29 16:00", Channel::kMeeting, kIn, 60);  // delivery
  b.LogContact(c, "2026-10-12 11:15", Channel::kCall, kIn, 25);     // the configurator
}

// Part ways. Gallo Eventi, an events company in Rimini, paid on time through the
// winter. The March invoice got 500 euros after a reminder and a promise; April's was
// "disputed" without saying what was wrong; May and June got nothing at all. Giulia
// stopped work at the end of June and sent a formal notice in September. Time to
// collect, not to work.
void AddGallo(DemoBuilder& b) {
  const std::string c = "gallo";
  b.AddClient({.id = c,
               .name = "Gallo Eventi S.r.l.",
               .country = "IT",
               .since = Day("2025-09-08"),
               .tax_id = ItalianVatNumber("0418870040"),
               .emails = {"amministrazione@galloeventi.it", "marco@galloeventi.it"},
               .domains = {"galloeventi.it"}});
  b.AddContract({.id = "gallo-k1",
                 .client = c,
                 .sent = Day("2025-09-01"),
                 .signed_on = Day("2025-09-05"),
                 .start = Day("2025-09-05"),
                 .payment_terms_days = 30,
                 .hourly_rate = b.Eur("60.00")});
  const Project site = b.AddProject({.id = "gallo-p1",
                                     .client = c,
                                     .contract = "gallo-k1",
                                     .name = "Sito degli eventi e biglietteria online",
                                     .pricing = Pricing::kHourly,
                                     .budget_hours = 200,
                                     .start = Day("2025-09-08"),
                                     .end = Day("2026-06-30")});
  b.Weekly({.client = c,
            .project = site.id,
            .first = Day("2025-09-08"),
            .last = Day("2026-06-30"),
            .days = {kTue, kFri},
            .minutes = 180,
            .note = "Sviluppo della biglietteria"});
  const auto invoices =
      b.InvoiceMonths(site, Day("2025-09-01"), Day("2026-06-30"), 30, b.Eur("60.00"));
  constexpr int kOnTime[] = {-1, 0, 2, -2, 1, 0};  // September to February
  for (size_t i = 0; i < 6; ++i) b.PayAfterDue(invoices[i], kOnTime[i]);
  b.Pay(invoices[6], Day("2026-05-22"), b.Eur("500.00"));  // March: a token payment
  b.Dispute(invoices[7]);                                  // April: "disputed"

  b.LogContact(c, "2025-09-03 10:30", Channel::kMeeting, kIn, 60);
  b.LogContact(c, "2026-05-06 09:30", Channel::kEmail, kOut, 10);  // reminder, March invoice
  b.LogContact(c, "2026-05-20 17:10", Channel::kCall, kIn, 15);    // "after the fair, promised"
  b.LogContact(c, "2026-06-10 09:30", Channel::kEmail, kOut, 10);  // reminder, March and April
  b.LogContact(c, "2026-06-26 12:00", Channel::kCall, kOut, 15);   // work stops
  b.LogContact(c, "2026-07-20 09:30", Channel::kEmail, kOut, 10);  // reminder, all four
  b.LogContact(c, "2026-09-15 10:00", Channel::kEmail, kOut, 30);  // formal notice (PEC)
  b.LogContact(c, "2026-10-20 09:45", Channel::kEmail, kOut, 10);
}

}  // namespace addio::gen
