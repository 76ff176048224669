// The demo clients to renegotiate with: one red sign, or three amber ones.
#include <vector>

#include "gen/demo_stories.h"
#include "gen/names.h"

namespace addio::gen {
namespace {

constexpr auto kMon = Weekday::kMonday;
constexpr auto kTue = Weekday::kTuesday;
constexpr auto kWed = Weekday::kWednesday;
constexpr auto kThu = Weekday::kThursday;
constexpr auto kFri = Weekday::kFriday;
constexpr auto kSun = Weekday::kSunday;
constexpr auto kIn = Direction::kInbound;
constexpr auto kOut = Direction::kOutbound;

std::string On(CivilDate day, const char* hh_mm) { return day.ToString() + " " + hh_mm; }

// A request outside the agreement and the work it took.
struct Extra {
  const char* at;
  const char* summary;
  int estimate_hours;
  ChangeOrder change_order;
  std::vector<std::pair<const char*, int>> work;  // local start, minutes
};

void AddExtras(DemoBuilder& b, const Project& project, const std::vector<Extra>& extras) {
  for (const Extra& extra : extras) {
    const std::string request = b.AddRequest({.client = project.client,
                                              .project = project.id,
                                              .at = b.At(extra.at),
                                              .summary = extra.summary,
                                              .in_scope = false,
                                              .estimate_hours = extra.estimate_hours,
                                              .change_order = extra.change_order});
    for (const auto& [start, minutes] : extra.work) {
      b.AddWork({.client = project.client,
                 .project = project.id,
                 .request = request,
                 .start = b.At(start),
                 .minutes = minutes,
                 .billable = false,
                 .note = extra.summary});
    }
  }
}

}  // namespace

// Renegotiate. Fulmine, a Milan startup building a booking app, pays on time and the
// work is good; but Luca, the founder, calls at ten at night, writes on Sunday mornings,
// and every month something is needed "for tomorrow at nine". Three calls in four come
// outside working hours. Set office hours and a rush fee, or the app eats the evenings.
void AddFulmine(DemoBuilder& b) {
  const std::string c = "fulmine";
  b.AddClient({.id = c,
               .name = "Fulmine App S.r.l.",
               .country = "IT",
               .since = Day("2025-11-17"),
               .tax_id = ItalianVatNumber("1204759015"),
               .emails = {"luca@fulmineapp.it", "amministrazione@fulmineapp.it"},
               .domains = {"fulmineapp.it"}});
  b.AddContract({.id = "fulmine-k1",
                 .client = c,
                 .sent = Day("2025-11-18"),
                 .signed_on = Day("2025-11-24"),
                 .start = Day("2025-11-24"),
                 .payment_terms_days = 30,
                 .hourly_rate = b.Eur("60.00")});
  const Project mvp = b.AddProject({.id = "fulmine-p1",
                                    .client = c,
                                    .contract = "fulmine-k1",
                                    .name = "App di prenotazione (MVP)",
                                    .pricing = Pricing::kFixed,
                                    .budget_hours = 120,
                                    .fee = b.Eur("7200.00"),
                                    .start = Day("2025-12-01"),
                                    .end = Day("2026-03-31")});
  const Project next = b.AddProject({.id = "fulmine-p2",
                                     .client = c,
                                     .contract = "fulmine-k1",
                                     .name = "Evoluzione dell'app",
                                     .pricing = Pricing::kHourly,
                                     .budget_hours = 150,
                                     .start = Day("2026-04-01")});
  b.Weekly({.client = c,
            .project = mvp.id,
            .first = Day("2025-12-01"),
            .last = Day("2026-03-31"),
            .days = {kMon, kWed},
            .start = "14:00",
            .minutes = 210,
            .note = "Sviluppo dell'app"});
  b.Weekly({.client = c,
            .project = next.id,
            .first = Day("2026-04-01"),
            .last = Day("2026-11-30"),
            .days = {kTue},
            .start = "14:00",
            .minutes = 180,
            .note = "Nuove funzioni"});

  static constexpr const char* kRush[] = {
      "Serve per domani alle 9: demo per gli investitori",
      "Il login non funziona, domattina abbiamo la presentazione",
      "Cambiare i colori dell'app prima del lancio di domani",
      "Un pulsante per la campagna che parte domattina",
      "Bug urgente nelle prenotazioni, ci scrivono i clienti",
      "Nuove schermate per il pitch di domani",
      "Esportare i dati per l'incontro in banca di domattina",
      "Sistemare i testi della home entro stanotte",
  };
  int rush = 0;
  for (CivilDate month_end : MonthEnds(Day("2025-12-01"), Day("2026-11-30"))) {
    const bool building_mvp = month_end <= Day("2026-03-31");
    // The evening request, the deadline at nine the next morning, the night's work.
    std::vector<std::pair<CivilDate, const char*>> evenings = {
        {NthWeekday(month_end, kWed, 1), "21:40"}};
    if (building_mvp) evenings.push_back({NthWeekday(month_end, kThu, 3), "20:30"});
    for (const auto& [day, at] : evenings) {
      const Project& project = building_mvp ? mvp : next;
      const std::string request = b.AddRequest({.client = c,
                                                .project = project.id,
                                                .at = b.At(On(day, at)),
                                                .summary = kRush[rush++ % 8],
                                                .in_scope = true,
                                                .estimate_hours = 2,
                                                .deadline = b.At(On(day.AddDays(1), "09:00"))});
      b.AddWork({.client = c,
                 .project = project.id,
                 .request = request,
                 .start = b.At(On(day, "22:00")),
                 .minutes = 90,
                 .note = "Richiesta urgente"});
    }
    b.LogContact(c, On(NthWeekday(month_end, kTue, 2), "22:15"), Channel::kCall, kIn, 12,
                 /*urgent=*/true);
    b.LogContact(c, On(NthWeekday(month_end, kSun, 3), "11:40"), Channel::kChat, kIn, 10);
    b.LogContact(c, On(NthWeekday(month_end, kFri, 4), "19:30"), Channel::kCall, kIn, 10,
                 /*urgent=*/true);
    b.LogContact(c, On(b.Workday(NthWeekday(month_end, kThu, 1)), "11:00"), Channel::kCall, kIn,
                 20);
    b.LogContact(c, On(b.Workday(NthWeekday(month_end, kMon, 1)), "09:30"), Channel::kEmail, kOut,
                 10);
  }

  b.PayAfterDue(b.AddInvoice(c, Day("2025-12-01"), 30, b.Eur("2160.00")), -2);
  b.PayAfterDue(b.AddInvoice(c, Day("2026-03-31"), 30, b.Eur("5040.00")), -2);
  for (const auto& id :
       b.InvoiceMonths(next, Day("2026-04-01"), Day("2026-11-30"), 30, b.Eur("60.00"))) {
    b.PayAfterDue(id, -1);
  }
}

// Renegotiate. Studio Legale Marchetti, a Bologna law firm, bought a sixty-hour site and
// has been adding "one small thing" ever since: a careers page, a newsletter, an English
// version, a "small" reserved area... None came with a change order, none was billed, and
// the extras now weigh half as much as the agreed hours. Introduce change orders and bill
// the next one.
void AddMarchetti(DemoBuilder& b) {
  const std::string c = "marchetti";
  b.AddClient({.id = c,
               .name = "Studio Legale Marchetti & Associati",
               .country = "IT",
               .since = Day("2026-01-12"),
               .tax_id = ItalianVatNumber("0318854037"),
               .emails = {"segreteria@studiolegalemarchetti.it"},
               .domains = {"studiolegalemarchetti.it"}});
  b.AddContract({.id = "marchetti-k1",
                 .client = c,
                 .sent = Day("2026-01-14"),
                 .signed_on = Day("2026-01-20"),
                 .start = Day("2026-01-20"),
                 .payment_terms_days = 30,
                 .hourly_rate = b.Eur("65.00")});
  const Project site = b.AddProject({.id = "marchetti-p1",
                                     .client = c,
                                     .contract = "marchetti-k1",
                                     .name = "Nuovo sito dello studio",
                                     .pricing = Pricing::kFixed,
                                     .budget_hours = 60,
                                     .fee = b.Eur("3900.00"),
                                     .start = Day("2026-02-02"),
                                     .end = Day("2026-05-29")});
  b.Weekly({.client = c,
            .project = site.id,
            .first = Day("2026-02-02"),
            .last = Day("2026-05-29"),
            .days = {kWed},
            .minutes = 210,
            .note = "Sviluppo del sito"});
  AddExtras(b, site,
            {{"2026-03-03 10:15",
              "Aggiungere la pagina \"Lavora con noi\"",
              2,
              ChangeOrder::kNone,
              {{"2026-03-06 09:00", 240}}},
             {"2026-03-17 16:40",
              "Una newsletter mensile per i clienti dello studio",
              3,
              ChangeOrder::kProposed,
              {{"2026-03-20 09:00", 240}, {"2026-03-27 09:00", 60}}},
             {"2026-04-02 11:20",
              "Tradurre in inglese le pagine principali",
              4,
              ChangeOrder::kNone,
              {{"2026-04-10 09:00", 240}, {"2026-04-17 09:00", 120}}},
             {"2026-04-21 09:50",
              "Un'area riservata per i documenti dei clienti (\"una cosa "
              "piccola\")",
              3,
              ChangeOrder::kNone,
              {{"2026-04-24 09:00", 240}}},
             {"2026-05-05 15:30",
              "Ancora una piccola modifica al menu",
              1,
              ChangeOrder::kNone,
              {{"2026-05-08 09:00", 90}}},
             {"2026-05-19 12:10",
              "Un modulo per prenotare le consulenze",
              2,
              ChangeOrder::kNone,
              {{"2026-05-22 09:00", 150}}},
             {"2026-09-15 10:40",
              "Aggiornare le foto del team",
              1,
              ChangeOrder::kNone,
              {{"2026-09-18 09:00", 60}}},
             {"2026-10-13 17:20",
              "Aggiungere un blog con gli articoli dello studio",
              6,
              ChangeOrder::kProposed,
              {}}});
  for (CivilDate month_end : MonthEnds(Day("2026-02-01"), Day("2026-05-31"))) {
    b.LogContact(c, On(b.Workday(NthWeekday(month_end, kMon, 1)), "12:00"), Channel::kCall, kIn,
                 20);
    b.LogContact(c, On(b.Workday(NthWeekday(month_end, kMon, 3)), "12:00"), Channel::kCall, kIn,
                 15);
  }
  b.LogContact(c, "2026-01-12 15:00", Channel::kMeeting, kOut, 60);
  b.LogContact(c, "2026-10-14 09:30", Channel::kEmail, kOut, 15);  // the change order for the blog
  b.PayAfterDue(b.AddInvoice(c, Day("2026-02-02"), 30, b.Eur("1170.00")), -2);
  b.PayAfterDue(b.AddInvoice(c, Day("2026-05-29"), 30, b.Eur("2730.00")), 0);
}

// Renegotiate. Edilizia Colombo, a building company near Bergamo, is a good client in
// every way but one: each invoice is paid about 45 days after it is due, every single
// month, after a reminder and a phone call ("the transfer goes out next week"). The
// money comes, but Giulia finances the company for a month and a half. Shorten the terms,
// automate the reminders, and claim the statutory late interest.
void AddColombo(DemoBuilder& b) {
  const std::string c = "colombo";
  b.AddClient(
      {.id = c,
       .name = "Edilizia Colombo S.p.A.",
       .country = "IT",
       .since = Day("2025-04-07"),
       .tax_id = ItalianVatNumber("0271934016"),
       .emails = {"amministrazione@ediliziacolombo.it", "ufficio.tecnico@ediliziacolombo.it"},
       .domains = {"ediliziacolombo.it"}});
  b.AddContract({.id = "colombo-k1",
                 .client = c,
                 .sent = Day("2025-03-31"),
                 .signed_on = Day("2025-04-03"),
                 .start = Day("2025-04-03"),
                 .payment_terms_days = 30,
                 .hourly_rate = b.Eur("60.00")});
  const Project portal = b.AddProject({.id = "colombo-p1",
                                       .client = c,
                                       .contract = "colombo-k1",
                                       .name = "Portale preventivi e manutenzione del sito",
                                       .pricing = Pricing::kHourly,
                                       .budget_hours = 240,
                                       .start = Day("2025-04-07")});
  b.Weekly({.client = c,
            .project = portal.id,
            .first = Day("2025-06-02"),
            .last = Day("2026-11-30"),
            .days = {kMon},
            .start = "14:00",
            .note = "Sviluppo del portale preventivi"});
  constexpr int kDaysLate[] = {44, 47, 43, 46, 45, 48, 42, 45, 46, 44, 47, 43};
  int n = 0;
  for (const auto& id :
       b.InvoiceMonths(portal, Day("2025-06-01"), Day("2026-11-30"), 30, b.Eur("60.00"))) {
    if (id.empty()) continue;
    const CivilDate due = b.FindInvoice(id).due;
    b.PayAfterDue(id, kDaysLate[n++ % 12]);
    // The reminder two weeks after the due date, and the call that answers it.
    if (b.Workday(due.AddDays(14)) <= Day("2026-11-30")) {
      b.LogContact(c, On(b.Workday(due.AddDays(14)), "09:30"), Channel::kEmail, kOut, 10);
    }
    if (b.Workday(due.AddDays(28)) <= Day("2026-11-30")) {
      b.LogContact(c, On(b.Workday(due.AddDays(28)), "11:15"), Channel::kCall, kIn, 10);
    }
  }
}

// Renegotiate. Ottica Moretti, an optician's shop in Modena, runs its online shop with
// Giulia at 38 euros an hour, the rate it bargained for in 2025. In March 2026 she asked
// for 50, still less than her other clients pay; the answer was "there is a lad who does
// it for 25". Everything else is fine, which is why this is a negotiation, not a goodbye.
void AddMoretti(DemoBuilder& b) {
  const std::string c = "moretti";
  b.AddClient({.id = c,
               .name = "Ottica Moretti S.n.c.",
               .country = "IT",
               .since = Day("2025-05-12"),
               .tax_id = ItalianVatNumber("0295571036"),
               .emails = {"otticamoretti@libero.it"}});
  b.AddContract({.id = "moretti-k1",
                 .client = c,
                 .sent = Day("2025-05-06"),
                 .signed_on = Day("2025-05-08"),
                 .start = Day("2025-05-08"),
                 .payment_terms_days = 30,
                 .hourly_rate = b.Eur("38.00")});
  const Project shop = b.AddProject({.id = "moretti-p1",
                                     .client = c,
                                     .contract = "moretti-k1",
                                     .name = "Negozio online di occhiali e lenti",
                                     .pricing = Pricing::kHourly,
                                     .budget_hours = 100,
                                     .start = Day("2025-05-12")});
  b.Weekly({.client = c,
            .project = shop.id,
            .first = Day("2025-06-02"),
            .last = Day("2026-11-30"),
            .days = {kThu},
            .start = "14:00",
            .minutes = 120,
            .note = "Gestione del negozio online"});
  b.AddRateChange({.id = "moretti-rc1",
                   .client = c,
                   .at = Day("2026-03-02"),
                   .from = b.Eur("38.00"),
                   .to = b.Eur("50.00"),
                   .outcome = RateOutcome::kRefused});
  constexpr int kPaid[] = {-2, 0, 1, -1};
  int n = 0;
  for (const auto& id :
       b.InvoiceMonths(shop, Day("2025-06-01"), Day("2026-11-30"), 30, b.Eur("38.00"))) {
    b.PayAfterDue(id, kPaid[n++ % 4]);
  }
  for (CivilDate month_end : MonthEnds(Day("2025-06-01"), Day("2026-11-30"))) {
    if (month_end.month() == 8) continue;
    b.LogContact(c, On(b.Workday(NthWeekday(month_end, kMon, 3)), "12:00"), Channel::kCall, kIn,
                 15);
  }
  b.LogContact(c, "2026-03-02 10:00", Channel::kEmail, kOut, 20);  // the new rate, explained
  b.LogContact(c, "2026-03-04 12:30", Channel::kCall, kIn, 25);    // "a lad does it for 25"
}

// Renegotiate. Rizzo Immobiliare, an estate agency in Padova, shows nothing dramatic and
// a little of everything: work started a fortnight before the contract was signed, three
// "while you're at it" features went unbilled, and since the summer every invoice is paid
// ten days late. Three amber signs together are worth a conversation.
void AddRizzo(DemoBuilder& b) {
  const std::string c = "rizzo";
  b.AddClient({.id = c,
               .name = "Rizzo Immobiliare S.r.l.",
               .country = "IT",
               .since = Day("2026-01-07"),
               .tax_id = ItalianVatNumber("0468213028"),
               .emails = {"info@rizzoimmobiliare.it"},
               .domains = {"rizzoimmobiliare.it"}});
  b.AddContract({.id = "rizzo-k1",
                 .client = c,
                 .sent = Day("2026-01-12"),
                 .signed_on = Day("2026-01-22"),
                 .start = Day("2026-01-22"),
                 .payment_terms_days = 30,
                 .hourly_rate = b.Eur("55.00")});
  const Project portal = b.AddProject({.id = "rizzo-p1",
                                       .client = c,
                                       .contract = "rizzo-k1",
                                       .name = "Portale degli annunci immobiliari",
                                       .pricing = Pricing::kFixed,
                                       .budget_hours = 80,
                                       .fee = b.Eur("4400.00"),
                                       .start = Day("2026-01-07"),
                                       .end = Day("2026-05-29")});
  const Project care = b.AddProject({.id = "rizzo-p2",
                                     .client = c,
                                     .contract = "rizzo-k1",
                                     .name = "Gestione degli annunci",
                                     .pricing = Pricing::kHourly,
                                     .budget_hours = 60,
                                     .start = Day("2026-06-01")});
  b.Weekly({.client = c,
            .project = portal.id,
            .first = Day("2026-01-07"),
            .last = Day("2026-05-29"),
            .days = {kWed},
            .minutes = 210,
            .note = "Sviluppo del portale"});
  b.Weekly({.client = c,
            .project = care.id,
            .first = Day("2026-06-01"),
            .last = Day("2026-11-30"),
            .days = {kThu},
            .minutes = 90,
            .note = "Pubblicazione annunci"});
  AddExtras(b, portal,
            {{"2026-02-17 10:30",
              "Già che ci sei: la mappa degli immobili",
              2,
              ChangeOrder::kNone,
              {{"2026-02-20 09:00", 120}}},
             {"2026-03-24 11:45",
              "Un filtro per classe energetica",
              2,
              ChangeOrder::kNone,
              {{"2026-03-27 09:00", 180}}},
             {"2026-04-28 16:10",
              "La scheda dell'immobile stampabile in PDF",
              3,
              ChangeOrder::kNone,
              {{"2026-05-08 09:00", 180}}}});
  b.LogContact(c, "2026-01-07 09:15", Channel::kMeeting, kIn, 60);  // "start now, we'll sign"
  b.LogContact(c, "2026-01-12 10:00", Channel::kEmail, kOut, 10);
  for (CivilDate month_end : MonthEnds(Day("2026-02-01"), Day("2026-11-30"))) {
    if (month_end.month() == 8) continue;
    b.LogContact(c, On(b.Workday(NthWeekday(month_end, kTue, 2)), "11:30"), Channel::kCall, kIn,
                 15);
  }
  b.PayAfterDue(b.AddInvoice(c, Day("2026-01-22"), 30, b.Eur("1320.00")), -1);
  b.PayAfterDue(b.AddInvoice(c, Day("2026-03-31"), 30, b.Eur("1760.00")), -2);
  b.PayAfterDue(b.AddInvoice(c, Day("2026-05-29"), 30, b.Eur("1320.00")), 12);
  constexpr int kPaid[] = {1, 11, 13, 9, 10, 12};  // June on time, then ten days late
  int n = 0;
  for (const auto& id :
       b.InvoiceMonths(care, Day("2026-06-01"), Day("2026-11-30"), 30, b.Eur("55.00"))) {
    b.PayAfterDue(id, kPaid[n++ % 6]);
  }
}

}  // namespace addio::gen
