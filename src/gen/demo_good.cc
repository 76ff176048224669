// The demo clients worth keeping (every sign green), worth watching (an amber sign), and
// the newcomer too recent to judge.
#include <tuple>
#include <utility>

#include "gen/demo_stories.h"
#include "gen/names.h"

namespace addio::gen {
namespace {

constexpr auto kMon = Weekday::kMonday;
constexpr auto kTue = Weekday::kTuesday;
constexpr auto kWed = Weekday::kWednesday;
constexpr auto kThu = Weekday::kThursday;
constexpr auto kFri = Weekday::kFriday;
constexpr auto kSat = Weekday::kSaturday;
constexpr auto kIn = Direction::kInbound;
constexpr auto kOut = Direction::kOutbound;

// "2026-03-05" and "10:00" -> "2026-03-05 10:00", for contacts on a computed day.
std::string On(CivilDate day, const char* hh_mm) { return day.ToString() + " " + hh_mm; }

}  // namespace

// Keep. Agenzia Lumen, a Milan web agency, has subcontracted development to Giulia two
// mornings a week since 2024: a framework contract signed before the first hour, the
// hours invoiced at the end of each month and paid a few days before they are due, a
// raise asked for in summer 2025 and accepted without fuss. The partner to build on.
void AddLumen(DemoBuilder& b) {
  const std::string c = "lumen";
  b.AddClient({.id = c,
               .name = "Agenzia Lumen S.r.l.",
               .country = "IT",
               .since = Day("2024-03-04"),
               .tax_id = ItalianVatNumber("0874215096"),
               .emails = {"amministrazione@agenzialumen.it", "progetti@agenzialumen.it"},
               .domains = {"agenzialumen.it"}});
  b.AddContract({.id = "lumen-k1",
                 .client = c,
                 .sent = Day("2024-02-26"),
                 .signed_on = Day("2024-03-01"),
                 .start = Day("2024-03-01"),
                 .payment_terms_days = 30,
                 .hourly_rate = b.Eur("60.00")});
  b.AddRateChange({.id = "lumen-rc1",
                   .client = c,
                   .at = Day("2025-07-21"),
                   .from = b.Eur("60.00"),
                   .to = b.Eur("65.00"),
                   .outcome = RateOutcome::kAccepted,
                   .agreed = b.Eur("65.00")});
  const Project y2025 = b.AddProject({.id = "lumen-p1",
                                      .client = c,
                                      .contract = "lumen-k1",
                                      .name = "Sviluppo per i clienti dell'agenzia (2025)",
                                      .pricing = Pricing::kHourly,
                                      .budget_hours = 300,
                                      .start = Day("2025-01-07"),
                                      .end = Day("2025-12-31")});
  const Project y2026 = b.AddProject({.id = "lumen-p2",
                                      .client = c,
                                      .contract = "lumen-k1",
                                      .name = "Sviluppo per i clienti dell'agenzia (2026)",
                                      .pricing = Pricing::kHourly,
                                      .budget_hours = 360,
                                      .start = Day("2026-01-07")});
  b.Weekly({.client = c,
            .project = y2025.id,
            .first = Day("2025-06-03"),
            .last = Day("2025-12-31"),
            .days = {kTue, kThu},
            .note = "Sviluppo front-end"});
  b.Weekly({.client = c,
            .project = y2026.id,
            .first = Day("2026-01-07"),
            .last = Day("2026-11-30"),
            .days = {kTue, kThu},
            .note = "Sviluppo front-end"});

  // A small extra done the right way: estimated, accepted in writing, billed with the hours.
  const std::string extra = b.AddRequest({.client = c,
                                          .project = y2026.id,
                                          .at = b.At("2026-05-11 11:20"),
                                          .summary = "Modulo di prenotazione per un cliente "
                                                     "dell'agenzia, fuori dal piano",
                                          .in_scope = false,
                                          .estimate_hours = 6,
                                          .change_order = ChangeOrder::kAccepted,
                                          .deadline = b.At("2026-05-29 18:00")});
  b.AddWork({.client = c,
             .project = y2026.id,
             .request = extra,
             .start = b.At("2026-05-15 14:00"),
             .minutes = 240,
             .note = "Modulo di prenotazione"});
  b.AddWork({.client = c,
             .project = y2026.id,
             .request = extra,
             .start = b.At("2026-05-22 14:00"),
             .minutes = 120,
             .note = "Modulo di prenotazione"});

  // The project manager's planning call on the first Monday, a status e-mail mid-month.
  for (CivilDate month_end : MonthEnds(Day("2025-06-01"), Day("2026-11-30"))) {
    if (month_end.month() == 8) continue;
    b.LogContact(c, On(b.Workday(NthWeekday(month_end, kMon, 1)), "10:00"), Channel::kCall, kIn,
                 30);
    b.LogContact(c, On(b.Workday(NthWeekday(month_end, kWed, 3)), "15:30"), Channel::kEmail, kOut,
                 10);
  }

  constexpr int kPaidEarly[] = {-3, -1, 0, -4, -2, -2, -5, 1, -3, 0, -1, -2};
  int n = 0;
  for (const auto& id :
       b.InvoiceMonths(y2025, Day("2025-06-01"), Day("2025-07-31"), 30, b.Eur("60.00"))) {
    b.PayAfterDue(id, kPaidEarly[n++ % 12]);
  }
  for (const auto& id :
       b.InvoiceMonths(y2025, Day("2025-08-01"), Day("2025-12-31"), 30, b.Eur("65.00"))) {
    b.PayAfterDue(id, kPaidEarly[n++ % 12]);
  }
  for (const auto& id :
       b.InvoiceMonths(y2026, Day("2026-01-01"), Day("2026-11-30"), 30, b.Eur("65.00"))) {
    b.PayAfterDue(id, kPaidEarly[n++ % 12]);
  }
}

// Keep. Brightwave Media, a marketing studio in Austin, found Giulia through her
// portfolio. Three fixed-price jobs in dollars, half up front and half on delivery,
// each delivered within its hours; calls at 16:30 Italian time (9:30 in Texas), inside
// her working day; wires that arrive three days early.
void AddBrightwave(DemoBuilder& b) {
  const std::string c = "brightwave";
  const auto usd = [](std::string_view amount) { return DemoBuilder::In("USD", amount); };
  b.AddClient({.id = c,
               .name = "Brightwave Media Inc.",
               .country = "US",
               .since = Day("2025-07-14"),
               .emails = {"accounts@brightwavemedia.com", "dana@brightwavemedia.com"},
               .domains = {"brightwavemedia.com"}});
  b.AddContract({.id = "brightwave-k1",
                 .client = c,
                 .sent = Day("2025-07-07"),
                 .signed_on = Day("2025-07-10"),
                 .start = Day("2025-07-10"),
                 .payment_terms_days = 30,
                 .hourly_rate = b.Eur("69.00")});  // 75 dollars
  // Fees are kept in euros, at the rate of the day they were agreed; invoices in dollars.
  struct Job {
    const char* id;
    const char* name;
    int hours;
    const char* fee;   // EUR
    const char* half;  // USD
    const char* start;
    const char* end;
    const char* first_day;
    const char* last_day;
    int minutes;  // per Tuesday and Thursday afternoon
  };
  constexpr Job kJobs[] = {
      {"brightwave-p1", "Marketing site", 60, "4140.00", "2250.00", "2025-07-14", "2025-09-26",
       "2025-07-15", "2025-09-25", 200},
      {"brightwave-p2", "Product pages redesign", 80, "5520.00", "3000.00", "2026-01-12",
       "2026-04-24", "2026-01-13", "2026-04-23", 160},
      {"brightwave-p3", "Landing pages for the fall campaign", 40, "2760.00", "1500.00",
       "2026-08-31", "2026-10-23", "2026-09-01", "2026-10-22", 150},
  };
  for (const Job& job : kJobs) {
    const Project project = b.AddProject({.id = job.id,
                                          .client = c,
                                          .contract = "brightwave-k1",
                                          .name = job.name,
                                          .pricing = Pricing::kFixed,
                                          .budget_hours = job.hours,
                                          .fee = b.Eur(job.fee),
                                          .start = Day(job.start),
                                          .end = Day(job.end)});
    b.Weekly({.client = c,
              .project = project.id,
              .first = Day(job.first_day),
              .last = Day(job.last_day),
              .days = {kTue, kThu},
              .start = "14:00",
              .minutes = job.minutes,
              .note = "Sviluppo e grafica"});
    // A video call on the second Wednesday, an e-mail on the fourth, while a job runs.
    for (CivilDate month_end : MonthEnds(Day(job.first_day), Day(job.last_day))) {
      for (const auto& [n, at, channel, minutes] :
           {std::tuple{2, "16:30", Channel::kMeeting, 30}, {4, "17:10", Channel::kEmail, 5}}) {
        const CivilDate day = b.Workday(NthWeekday(month_end, kWed, n));
        if (day >= Day(job.first_day) && day <= Day(job.last_day)) {
          b.LogContact(c, On(day, at), channel, kIn, minutes);
        }
      }
    }
    b.PayAfterDue(b.AddInvoice(c, Day(job.start), 30, usd(job.half)), -3);
    b.PayAfterDue(b.AddInvoice(c, Day(job.end), 30, usd(job.half)), -3);
  }
}

// Keep. Harper & Finch, a small London publisher, pays a monthly care plan in pounds:
// ten hours a month, invoiced on the first, paid around the twentieth. When they wanted
// a newsletter sign-up, it came as a change order, accepted and billed.
void AddHarperFinch(DemoBuilder& b) {
  const std::string c = "harper-finch";
  const auto gbp = [](std::string_view amount) { return DemoBuilder::In("GBP", amount); };
  b.AddClient({.id = c,
               .name = "Harper & Finch Ltd",
               .country = "GB",
               .since = Day("2025-06-02"),
               .tax_id = "GB318204957",
               .emails = {"accounts@harperfinch.co.uk", "olivia@harperfinch.co.uk"},
               .domains = {"harperfinch.co.uk"}});
  b.AddContract({.id = "harper-finch-k1",
                 .client = c,
                 .sent = Day("2025-05-26"),
                 .signed_on = Day("2025-05-28"),
                 .start = Day("2025-06-01"),
                 .payment_terms_days = 30,
                 .hourly_rate = b.Eur("64.35")});  // 55 pounds
  const Project care = b.AddProject({.id = "harper-finch-p1",
                                     .client = c,
                                     .contract = "harper-finch-k1",
                                     .name = "Website care plan",
                                     .pricing = Pricing::kRetainer,
                                     .budget_hours = 180,
                                     .start = Day("2025-06-01")});
  b.Weekly({.client = c,
            .project = care.id,
            .first = Day("2025-06-02"),
            .last = Day("2026-11-30"),
            .days = {kMon},
            .minutes = 135,
            .note = "Manutenzione e aggiornamenti"});
  for (CivilDate month_end : MonthEnds(Day("2025-06-01"), Day("2026-11-30"))) {
    const CivilDate first = month_end.AddDays(1 - month_end.day());
    b.PayAfterDue(b.AddInvoice(c, first, 30, gbp("550.00")), -10);
    if (month_end.month() != 8) {
      b.LogContact(c, On(b.Workday(NthWeekday(month_end, kTue, 2)), "10:30"), Channel::kEmail, kIn,
                   10);
    }
  }
  const std::string signup = b.AddRequest({.client = c,
                                           .project = care.id,
                                           .at = b.At("2026-03-10 11:05"),
                                           .summary = "Add a newsletter sign-up to every page",
                                           .in_scope = false,
                                           .estimate_hours = 3,
                                           .change_order = ChangeOrder::kAccepted,
                                           .deadline = b.At("2026-03-31 18:00")});
  b.AddWork({.client = c,
             .project = care.id,
             .request = signup,
             .start = b.At("2026-03-18 14:00"),
             .minutes = 180,
             .note = "Iscrizione newsletter"});
  b.PayAfterDue(b.AddInvoice(c, Day("2026-03-31"), 30, gbp("165.00")), -8);
}

// Keep. Fontana Viaggi, a Verona travel agency, came for a site with its trip
// catalogue: a contract signed in a week, a deposit, the work done on budget by the end
// of March, the balance paid early. Nothing since but a thank-you call. A client to
// call back, not a problem.
void AddFontana(DemoBuilder& b) {
  const std::string c = "fontana";
  b.AddClient({.id = c,
               .name = "Fontana Viaggi S.r.l.",
               .country = "IT",
               .since = Day("2025-11-10"),
               .tax_id = ItalianVatNumber("0439127023"),
               .emails = {"info@fontanaviaggi.it"},
               .domains = {"fontanaviaggi.it"}});
  b.AddContract({.id = "fontana-k1",
                 .client = c,
                 .sent = Day("2025-11-12"),
                 .signed_on = Day("2025-11-17"),
                 .start = Day("2025-11-17"),
                 .payment_terms_days = 30,
                 .hourly_rate = b.Eur("60.00")});
  const Project site = b.AddProject({.id = "fontana-p1",
                                     .client = c,
                                     .contract = "fontana-k1",
                                     .name = "Sito con il catalogo dei viaggi",
                                     .pricing = Pricing::kFixed,
                                     .budget_hours = 70,
                                     .fee = b.Eur("4200.00"),
                                     .start = Day("2025-12-01"),
                                     .end = Day("2026-03-27")});
  b.Weekly({.client = c,
            .project = site.id,
            .first = Day("2025-12-01"),
            .last = Day("2026-03-27"),
            .days = {kTue, kThu},
            .start = "14:00",
            .minutes = 140,
            .note = "Sviluppo del catalogo"});
  b.LogContact(c, "2025-11-10 11:30", Channel::kCall, kIn, 25);
  b.LogContact(c, "2025-11-12 09:40", Channel::kEmail, kOut, 10);
  for (CivilDate month_end : MonthEnds(Day("2025-12-01"), Day("2026-03-31"))) {
    b.LogContact(c, On(b.Workday(NthWeekday(month_end, kFri, 2)), "11:00"), Channel::kCall, kIn,
                 20);
    b.LogContact(c, On(b.Workday(NthWeekday(month_end, kFri, 4)), "09:30"), Channel::kEmail, kOut,
                 10);
  }
  b.LogContact(c, "2026-06-16 12:10", Channel::kCall, kIn, 10);
  b.PayAfterDue(b.AddInvoice(c, Day("2025-12-01"), 30, b.Eur("1260.00")), -9);
  b.PayAfterDue(b.AddInvoice(c, Day("2026-03-27"), 30, b.Eur("2940.00")), -6);
}

// Watch. Hofmann Medien, a Munich publisher, has been a steady hourly client since June
// 2025. In April 2026 their accounts department moved to one payment run a month, and
// since then every invoice arrives two weeks late. A habit in the making, not yet a
// problem: keep an eye on it, and say so before it grows.
void AddHofmann(DemoBuilder& b) {
  const std::string c = "hofmann";
  b.AddClient({.id = c,
               .name = "Hofmann Medien GmbH",
               .country = "DE",
               .since = Day("2025-06-09"),
               .tax_id = "DE284719365",
               .emails = {"buchhaltung@hofmann-medien.de", "redaktion@hofmann-medien.de"},
               .domains = {"hofmann-medien.de"}});
  b.AddContract({.id = "hofmann-k1",
                 .client = c,
                 .sent = Day("2025-06-02"),
                 .signed_on = Day("2025-06-05"),
                 .start = Day("2025-06-05"),
                 .payment_terms_days = 30,
                 .hourly_rate = b.Eur("70.00")});
  const Project portal = b.AddProject({.id = "hofmann-p1",
                                       .client = c,
                                       .contract = "hofmann-k1",
                                       .name = "Relaunch Verlagsportal",
                                       .pricing = Pricing::kHourly,
                                       .budget_hours = 220,
                                       .start = Day("2025-06-09")});
  b.Weekly({.client = c,
            .project = portal.id,
            .first = Day("2025-06-09"),
            .last = Day("2026-11-30"),
            .days = {kWed},
            .note = "Sviluppo del portale"});
  const auto invoices =
      b.InvoiceMonths(portal, Day("2025-06-01"), Day("2026-11-30"), 30, b.Eur("70.00"));
  constexpr int kLate[] = {12, 15, 11, 14, 13, 14, 16};
  int late = 0;
  for (const auto& id : invoices) {
    if (id.empty()) continue;
    const bool after_payment_run = b.FindInvoice(id).issued >= Day("2026-04-01");
    b.PayAfterDue(id, after_payment_run ? kLate[late++ % 7] : -2);
  }
  for (CivilDate month_end : MonthEnds(Day("2025-06-01"), Day("2026-11-30"))) {
    if (month_end.month() == 8) continue;
    b.LogContact(c, On(b.Workday(NthWeekday(month_end, kThu, 2)), "10:00"), Channel::kMeeting, kIn,
                 45);
  }
  b.LogContact(c, "2026-05-12 09:15", Channel::kEmail, kIn, 5);  // "Zahlungslauf" announced
}

// Watch. Caffè Aurora, a café and bakery in Bologna, works on a handshake: a digital
// menu, a site for the new shop, a summer campaign, each small, quoted by e-mail,
// delivered on budget, paid early. There is no contract on record at all, and the day
// something goes wrong there will be nothing to point to.
void AddAurora(DemoBuilder& b) {
  const std::string c = "aurora";
  b.AddClient({.id = c,
               .name = "Caffè Aurora di Gatti Marco & C. S.a.s.",
               .country = "IT",
               .since = Day("2025-12-15"),
               .tax_id = ItalianVatNumber("0391847037"),
               .emails = {"caffeaurora.bologna@gmail.com"}});
  struct Job {
    const char* id;
    const char* name;
    int hours;
    const char* fee;
    const char* start;
    const char* end;
    std::vector<Weekday> days;
    const char* at;
    int minutes;
    int paid;  // days after due
  };
  const Job kJobs[] = {
      {"aurora-p1",
       "Menù digitale con QR code",
       16,
       "880.00",
       "2026-01-12",
       "2026-01-30",
       {kMon, kWed},
       "14:00",
       150,
       -6},
      {"aurora-p2",
       "Sito del nuovo locale",
       40,
       "2200.00",
       "2026-04-07",
       "2026-05-22",
       {kTue, kThu},
       "14:00",
       150,
       -4},
      {"aurora-p3",
       "Promozione estiva sui social",
       10,
       "550.00",
       "2026-07-01",
       "2026-07-10",
       {kWed, kFri},
       "09:00",
       150,
       -5},
  };
  for (const Job& job : kJobs) {
    const Project project = b.AddProject({.id = job.id,
                                          .client = c,
                                          .name = job.name,
                                          .pricing = Pricing::kFixed,
                                          .budget_hours = job.hours,
                                          .fee = b.Eur(job.fee),
                                          .start = Day(job.start),
                                          .end = Day(job.end)});
    b.Weekly({.client = c,
              .project = project.id,
              .first = Day(job.start),
              .last = Day(job.end),
              .days = job.days,
              .start = job.at,
              .minutes = job.minutes,
              .note = job.name});
    b.LogContact(c, On(Day(job.start).AddDays(-5), "11:30"), Channel::kCall, kIn, 20);
    b.PayAfterDue(b.AddInvoice(c, Day(job.end), 30, b.Eur(job.fee)), job.paid);
  }
  b.LogContact(c, "2025-12-15 16:00", Channel::kMeeting, kOut, 45);
  b.LogContact(c, "2026-05-26 10:15", Channel::kChat, kIn, 5);
}

// Watch. Keller Gestioni Patrimoniali, a family office in Lugano, calls on Saturday
// mornings and in the evening, and two calls in three come outside working hours. On
// any other client that would be a red flag; but Keller pays 120 francs an hour, about
// twice what the others pay. The seed's question (does the pay justify it?) gets a yes,
// so the sign drops to amber: watch it, set office hours, keep the client.
void AddKeller(DemoBuilder& b) {
  const std::string c = "keller";
  const auto chf = [](std::string_view amount) { return DemoBuilder::In("CHF", amount); };
  b.AddClient({.id = c,
               .name = "Keller Gestioni Patrimoniali SA",
               .country = "CH",
               .since = Day("2025-10-13"),
               .tax_id = "CHE418293057",
               .emails = {"direzione@kellergestioni.ch", "contabilita@kellergestioni.ch"},
               .domains = {"kellergestioni.ch"}});
  b.AddContract({.id = "keller-k1",
                 .client = c,
                 .sent = Day("2025-10-06"),
                 .signed_on = Day("2025-10-10"),
                 .start = Day("2025-10-10"),
                 .payment_terms_days = 30,
                 .hourly_rate = b.Eur("126.00")});  // 120 francs
  const Project area = b.AddProject({.id = "keller-p1",
                                     .client = c,
                                     .contract = "keller-k1",
                                     .name = "Area clienti riservata",
                                     .pricing = Pricing::kHourly,
                                     .budget_hours = 120,
                                     .start = Day("2025-10-13")});
  b.Weekly({.client = c,
            .project = area.id,
            .first = Day("2025-10-13"),
            .last = Day("2026-11-30"),
            .days = {kFri},
            .start = "14:00",
            .minutes = 120,
            .note = "Sviluppo dell'area clienti"});
  for (CivilDate month_end : MonthEnds(Day("2025-11-01"), Day("2026-11-30"))) {
    b.LogContact(c, On(NthWeekday(month_end, kSat, 2), "10:15"), Channel::kCall, kIn, 20);
    b.LogContact(c, On(NthWeekday(month_end, kTue, 3), "20:40"), Channel::kCall, kIn, 15,
                 /*urgent=*/true);
    b.LogContact(c, On(b.Workday(NthWeekday(month_end, kThu, 1)), "11:00"), Channel::kCall, kIn,
                 15);
  }
  for (const auto& id :
       b.InvoiceMonths(area, Day("2025-10-01"), Day("2026-11-30"), 30, chf("120.00"))) {
    b.PayAfterDue(id, -3);
  }
}

// Insufficient data. Bottega Verde, an organic grocer in Parma, found Giulia through a
// friend three weeks ago: an intake call, a contract signed within a week, six hours of
// work on its online shop window, the first invoice not yet due. Nothing to judge yet;
// the screening answers on file are the best guide so far.
void AddBottegaVerde(DemoBuilder& b) {
  const std::string c = "bottega-verde";
  b.AddClient({.id = c,
               .name = "Bottega Verde di Anna Sala",
               .kind = ClientKind::kIndividual,
               .country = "IT",
               .since = Day("2026-11-03"),
               .tax_id = ItalianVatNumber("0291648034"),
               .emails = {"anna@bottegaverdeparma.it"},
               .domains = {"bottegaverdeparma.it"},
               // Compact JSON, as the ledger readers keep it.
               .intake = R"({"will_sign_contract":"yes","budget_ratio":0.9,)"
                         R"("accepts_deposit":true,"payment_terms_days":30,)"
                         R"("scope_clarity":"partial","timeline_ratio":1.0,)"
                         R"("providers_replaced":0,"contact_hours":"business",)"
                         R"("decision_maker":"single","payment_reputation":"unknown"})"});
  b.LogContact(c, "2026-11-03 10:30", Channel::kCall, kIn, 20);
  b.AddContract({.id = "bottega-verde-k1",
                 .client = c,
                 .sent = Day("2026-11-05"),
                 .signed_on = Day("2026-11-09"),
                 .start = Day("2026-11-09"),
                 .payment_terms_days = 30,
                 .hourly_rate = b.Eur("60.00")});
  const Project shop = b.AddProject({.id = "bottega-verde-p1",
                                     .client = c,
                                     .contract = "bottega-verde-k1",
                                     .name = "Vetrina online dei prodotti",
                                     .pricing = Pricing::kHourly,
                                     .start = Day("2026-11-10")});
  b.LogContact(c, "2026-11-10 15:00", Channel::kMeeting, kOut, 60);
  for (const auto& [start, minutes] :
       {std::pair{"2026-11-12 09:00", 180}, {"2026-11-19 09:00", 120}, {"2026-11-26 14:00", 60}}) {
    b.AddWork({.client = c,
               .project = shop.id,
               .start = b.At(start),
               .minutes = minutes,
               .note = "Vetrina online"});
  }
  b.InvoiceMonth(shop, Day("2026-11-30"), 30, b.Eur("60.00"));
}

}  // namespace addio::gen
