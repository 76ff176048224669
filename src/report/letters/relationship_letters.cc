// The letters about the relationship itself: a rate increase (from the portfolio reference
// rate of underpaying), change orders (from the unpaid extras of scope_creep), office hours
// (from the after-hours contacts of time_drain) and the end of the collaboration.
#include <algorithm>
#include <cmath>
#include <set>

#include "profile/strategy.h"
#include "report/letters/letter_internal.h"
#include "report/report_internal.h"

namespace addio::letters {
namespace {

// The finding of sign `key`; an empty finding when no such sign is registered.
const Finding& SignOf(const Facts& facts, std::string_view key) {
  return FindingOrEmpty(facts.assessed->signs, key);
}

std::optional<Money> MoneyMetric(const Finding& finding, std::string_view name) {
  const Metric* metric = finding.FindMetric(name);
  if (metric == nullptr || metric->kind != Metric::Kind::kMoney) return std::nullopt;
  return metric->money;
}

int64_t CountMetric(const Finding& finding, std::string_view name) {
  const Metric* metric = finding.FindMetric(name);
  if (metric == nullptr) return 0;
  if (metric->kind == Metric::Kind::kCount) return metric->count;
  if (metric->kind == Metric::Kind::kNumber) return std::llround(metric->number);
  return 0;
}

double NumberMetric(const Finding& finding, std::string_view name) {
  return MetricNumber(finding, name).value_or(0);
}

// The hourly rate of the client's latest contract that names one, if any.
std::optional<Money> ContractRate(const Facts& facts) {
  std::optional<Money> rate;
  for (const Contract& contract : facts.client->contracts) {
    if (contract.hourly_rate) rate = contract.hourly_rate;  // contracts are in date order
  }
  return rate;
}

// "Over the last twelve months" / "Negli ultimi dodici mesi", or the window in days.
std::string Window(const Facts& facts) {
  const int days = facts.assessment->window_days;
  if (days == 365) return facts.Pick("Over the last twelve months", "Negli ultimi dodici mesi");
  return facts.it() ? "Negli ultimi " + std::to_string(days) + " giorni"
                    : "Over the last " + std::to_string(days) + " days";
}

// " since November 2025" / " da novembre 2025", or nothing when the start is unknown.
std::string Since(const Facts& facts) {
  const auto& since = facts.client->client.since;
  if (!since || *since > facts.as_of) return "";
  return (facts.it() ? " da " : " since ") + MonthYear(*since, facts.options.lang);
}

// "del 50%" / "dell'80%".
std::string ItOfPercent(int percent) {
  const std::string text = std::to_string(percent) + "%";
  return (text.starts_with("8") || percent == 11 || percent == 1 ? "dell'" : "del ") + text;
}

// Hours of the day as a letter writes them: "9:00", "13:30".
std::string Clock(int minute_of_day) {
  const int minutes = minute_of_day % 60;
  return std::to_string(minute_of_day / 60) + ":" + (minutes < 10 ? "0" : "") +
         std::to_string(minutes);
}

// The workspace's working hours as a sentence: "Monday to Friday, 9:00–13:00 and
// 14:00–18:00" / "dal lunedì al venerdì, 9:00–13:00 e 14:00–18:00".
std::string WorkingHoursText(const Facts& facts) {
  static constexpr const char* kDaysEn[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                            "Friday", "Saturday", "Sunday"};
  static constexpr const char* kDaysIt[] = {"lunedì",  "martedì", "mercoledì", "giovedì",
                                            "venerdì", "sabato",  "domenica"};
  const WorkingHours& hours = facts.workspace->working_hours;
  const bool it = facts.it();
  std::vector<std::string> groups;
  for (int day = 0; day < 7;) {
    if (hours[day].empty()) {
      ++day;
      continue;
    }
    int last = day;
    while (last + 1 < 7 && hours[last + 1] == hours[day]) ++last;
    std::string days;
    if (last == day) {
      days = it ? std::string(day == 6 ? "la " : "il ") + kDaysIt[day]
                : "on " + std::string(kDaysEn[day]);
    } else {
      days = it ? std::string(day == 6 ? "dalla " : "dal ") + kDaysIt[day] + " " +
                      (last == 6 ? "alla " : "al ") + kDaysIt[last]
                : std::string(kDaysEn[day]) + " to " + kDaysEn[last];
    }
    std::string spans;
    for (size_t i = 0; i < hours[day].size(); ++i) {
      if (i > 0) spans += i + 1 == hours[day].size() ? (it ? " e " : " and ") : ", ";
      spans += Clock(hours[day][i].start) + "–" + Clock(hours[day][i].end);
    }
    groups.push_back(days + ", " + spans);
    day = last + 1;
  }
  std::string out;
  for (size_t i = 0; i < groups.size(); ++i) out += (i > 0 ? "; " : "") + groups[i];
  return out;
}

// "a, b and c" / "a, b e c".
std::string JoinAnd(const std::vector<std::string>& parts, bool it) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? (it ? " e " : " and ") : ", ";
    out += parts[i];
  }
  return out;
}

}  // namespace

Result<Letter> RateIncrease(const Facts& facts) {
  const Lang lang = facts.options.lang;
  const Finding& underpaying = SignOf(facts, "underpaying");
  const std::optional<Money> effective = MoneyMetric(underpaying, "effective_rate");
  std::optional<Money> reference = MoneyMetric(underpaying, "reference_rate");
  if (!reference) reference = facts.workspace->target_hourly_rate;
  const std::string& name = facts.client->client.name;
  if (!reference) {
    return Fail(ErrorCode::kConflict,
                facts.Pick("no reference rate to propose to " + name +
                               ": the workspace has no target hourly rate and too few clients "
                               "with a known rate",
                           "nessuna tariffa di riferimento da proporre a " + name +
                               ": manca la tariffa oraria obiettivo e troppo pochi clienti hanno "
                               "una tariffa nota"));
  }
  // The reference rounded up to a whole 5 units of the currency: 59.40 EUR -> 60.00 EUR.
  const int64_t step = 5 * reference->currency().minor_per_unit();
  const Money proposed((reference->minor() + step - 1) / step * step, reference->currency());
  std::optional<Money> current = ContractRate(facts);
  if (!current || current->currency() != proposed.currency()) current = effective;
  if (current && current->currency() == proposed.currency() && *current >= proposed) {
    return Fail(
        ErrorCode::kConflict,
        facts.Pick(
            name + " already pays " + Amount(*current, lang) +
                " an hour, not less than the rate to propose (" + Amount(proposed, lang) + ")",
            name + " paga già " + Amount(*current, lang) +
                " l'ora, non meno della tariffa da proporre (" + Amount(proposed, lang) + ")"));
  }
  // A month's notice, from the first day of a month.
  const CivilDate from = facts.as_of.AddDays(30).EndOfMonth().AddDays(1);

  Letter letter = Frame(facts,
                        facts.it() ? "Nuova tariffa oraria " + ItDate("dal", from)
                                   : "New hourly rate from " + LongDate(from, lang),
                        false);
  if (facts.it()) {
    letter.body.push_back(Paragraph(
        "vi ringrazio per il lavoro svolto insieme" + Since(facts) +
        ". Vi scrivo per comunicarvi che " + ItDate("dal", from) +
        " la mia tariffa oraria per i vostri progetti " +
        (current ? "passerà da " + Amount(*current, lang) + " a " + Amount(proposed, lang) + "."
                 : "sarà di " + Amount(proposed, lang) + ".")));
  } else {
    letter.body.push_back(Paragraph("Thank you for the work we have done together" + Since(facts) +
                                    ". I am writing to let you know that from " +
                                    LongDate(from, lang) + " my hourly rate for your projects " +
                                    (current ? "will change from " + Amount(*current, lang) +
                                                   " to " + Amount(proposed, lang) + "."
                                             : "will be " + Amount(proposed, lang) + ".")));
  }
  const std::optional<Money> portfolio = MoneyMetric(underpaying, "reference_rate");
  if (effective && portfolio) {
    letter.body.push_back(Paragraph(
        facts.it()
            ? Window(facts) + " il lavoro svolto per voi ha reso in media " +
                  Amount(*effective, lang) +
                  " l'ora, mentre gli altri miei clienti "
                  "riconoscono di norma " +
                  Amount(*portfolio, lang) +
                  " l'ora: la nuova tariffa allinea i vostri progetti ai loro."
            : Window(facts) + " the work for you has brought in " + Amount(*effective, lang) +
                  " an hour on average, while my other clients "
                  "typically pay " +
                  Amount(*portfolio, lang) +
                  " an hour: the new rate brings your projects in line with theirs."));
  }
  letter.body.push_back(Paragraph(
      facts.it() ? "I lavori già concordati saranno completati alle condizioni attuali; la nuova "
                   "tariffa si applicherà alle nuove richieste e ai nuovi progetti " +
                       ItDate("dal", from) + "."
                 : "Work already agreed will be completed on the current terms; the new rate "
                   "applies to new requests and projects from " +
                       LongDate(from, lang) + "."));
  letter.body.push_back(Paragraph(facts.Pick(
      "I would be glad to talk it over, and to look together at how to plan the work so that it "
      "stays within your budget.",
      "Resto a disposizione per parlarne e per valutare insieme come organizzare il lavoro in "
      "modo che resti nel vostro budget.")));
  return letter;
}

Result<Letter> ChangeOrder(const Facts& facts) {
  const Lang lang = facts.options.lang;
  const Finding& scope = SignOf(facts, "scope_creep");
  const Finding& underpaying = SignOf(facts, "underpaying");
  std::optional<Money> rate = ContractRate(facts);
  if (!rate) rate = MoneyMetric(underpaying, "reference_rate");
  if (!rate) rate = facts.workspace->target_hourly_rate;

  LetterTable table;
  table.header = facts.it() ? std::vector<std::string>{"Data", "Richiesta", "Ore"}
                            : std::vector<std::string>{"Date", "Request", "Hours"};
  table.numeric = {false, false, true};
  if (rate) {
    table.header.push_back(facts.it() ? "Valore" : "Value");
    table.numeric.push_back(true);
  }
  std::set<std::string> projects;
  double hours = 0;
  int64_t minutes_total = 0;
  for (const Evidence& evidence : scope.evidence) {
    if (evidence.record_type != "request") continue;
    const auto request = std::find_if(facts.client->requests.begin(), facts.client->requests.end(),
                                      [&](const Request& r) { return r.id == evidence.id; });
    if (request == facts.client->requests.end()) continue;
    for (const Project& project : facts.client->projects) {
      if (project.id == request->project) projects.insert(project.name);
    }
    const double h = evidence.value.value_or(0);
    const int64_t minutes = std::llround(h * 60);
    hours += h;
    minutes_total += minutes;
    std::vector<std::string> row = {evidence.date ? ShortDate(*evidence.date, lang) : "",
                                    request->summary, HoursText(h, lang)};
    if (rate) row.push_back(Amount(rate->MulDiv(minutes, 60), lang));
    table.rows.push_back(std::move(row));
  }
  const bool extras = !table.rows.empty();
  const std::optional<Money> value =
      rate ? std::optional(rate->MulDiv(minutes_total, 60)) : std::nullopt;
  if (extras) {
    table.total = {facts.it() ? "Totale" : "Total", "", HoursText(hours, lang)};
    if (value) table.total.push_back(Amount(*value, lang));
  }

  Letter letter = Frame(
      facts,
      facts.Pick("Requests outside the agreed scope", "Richieste fuori dall'incarico concordato"),
      false);
  if (extras) {
    std::string what;
    if (projects.size() == 1) what = facts.Pick(" for ", " per ") + "\"" + *projects.begin() + "\"";
    letter.body.push_back(Paragraph(
        facts.it() ? "negli ultimi mesi mi avete chiesto diversi interventi che vanno oltre quanto "
                     "concordato" +
                         what +
                         ". Li ho svolti volentieri, ma nessuno rientrava "
                         "nell'incarico originario e finora nessuno è stato fatturato:"
                   : "Over the past months you have asked me for several things beyond what we "
                     "agreed" +
                         what +
                         ". I was glad to help, but none of them was part of the "
                         "original scope, and so far none has been billed:"));
    letter.body.push_back(Table(table));
    const int64_t listed = static_cast<int64_t>(table.rows.size());
    const int64_t all = CountMetric(scope, "extra_requests");
    std::string sum = facts.it() ? "In tutto si tratta di " + HoursText(hours, lang) + " ore" +
                                       (value ? ", pari a " + Amount(*value, lang) + " a " +
                                                    Amount(*rate, lang) + " l'ora."
                                              : ".")
                                 : "In all that comes to " + HoursText(hours, lang) + " hours" +
                                       (value ? ", worth " + Amount(*value, lang) + " at " +
                                                    Amount(*rate, lang) + " an hour."
                                              : ".");
    if (all > listed) {
      sum += facts.it() ? " L'elenco riporta le " + std::to_string(listed) +
                              " richieste più "
                              "recenti su " +
                              std::to_string(all) + "."
                        : " The list shows the latest " + std::to_string(listed) + " of " +
                              std::to_string(all) + " requests.";
    }
    letter.body.push_back(Paragraph(std::move(sum)));
  } else {
    letter.body.push_back(Paragraph(facts.Pick(
        "To keep our work clear for both of us, I would like to agree with you on how we handle "
        "requests that go beyond the agreed scope.",
        "per mantenere il nostro lavoro chiaro per entrambi, vorrei concordare con voi come "
        "gestire le richieste che vanno oltre l'incarico.")));
  }
  letter.body.push_back(Paragraph(facts.Pick(
      "From now on I suggest we handle every request outside the agreed scope with a short "
      "change order: what is to be done, its price and the delivery date, which you accept by "
      "email before I start. It keeps us both clear about what is included, and there are no "
      "surprises on the invoice.",
      "D'ora in avanti vi propongo di gestire ogni richiesta fuori dall'incarico con una breve "
      "variante scritta: cosa va fatto, il prezzo e la data di consegna, da accettare via e-mail "
      "prima che io inizi. Così è chiaro per entrambi cosa è compreso e non ci sono sorprese in "
      "fattura.")));
  if (extras && value) {
    letter.body.push_back(Paragraph(
        facts.it()
            ? "Per gli interventi già consegnati vi propongo di fatturare " + Amount(*value, lang) +
                  "; se preferite, possiamo concordare insieme un "
                  "importo diverso. Fatemi sapere come volete procedere."
            : "For the extras already delivered I propose to invoice " + Amount(*value, lang) +
                  "; if you prefer, we can agree on a different "
                  "amount together. Let me know what works best for you."));
  }
  return letter;
}

Result<Letter> OfficeHours(const Facts& facts) {
  const Finding& drain = SignOf(facts, "time_drain");
  const bool it = facts.it();
  const int64_t inbound = CountMetric(drain, "inbound_contacts");
  const int64_t after = CountMetric(drain, "after_hours_contacts");
  const int64_t rush = CountMetric(drain, "rush_requests");
  const double work_hours = NumberMetric(drain, "after_hours_work_hours");
  const int rush_fee = StrategyFor(Archetype{"firefighter"}).terms.rush_fee_percent;
  // From the first Monday at least a week away: time to read the letter and plan.
  CivilDate from = facts.as_of.AddDays(7);
  while (from.weekday() != Weekday::kMonday) from = from.AddDays(1);

  Letter letter = Frame(
      facts,
      facts.Pick("Office hours and urgent requests", "Orari di disponibilità e richieste urgenti"),
      false);
  letter.body.push_back(Paragraph(facts.Pick(
      "I am glad to be the first person you call when something comes up. To keep giving you "
      "the same attention, I would like us to agree on a few simple rules about when and how we "
      "are in touch.",
      "mi fa piacere essere il vostro primo riferimento quando serve qualcosa. Per continuare a "
      "garantirvi la stessa attenzione, vorrei concordare con voi alcune semplici regole su "
      "quando e come sentirci.")));

  std::string facts_text;
  if (after > 0) {
    std::vector<std::string> kinds;
    const std::pair<const char*, Text> kKinds[] = {
        {"after_hours_early", {"early in the morning", "di primo mattino"}},
        {"after_hours_lunch", {"at lunchtime", "in pausa pranzo"}},
        {"after_hours_evening", {"in the evening", "di sera"}},
        {"after_hours_night", {"at night", "di notte"}},
        {"after_hours_weekend_or_holiday",
         {"at weekends or on holidays", "nel fine settimana o nei festivi"}},
    };
    for (const auto& [metric, words] : kKinds) {
      if (const int64_t n = CountMetric(drain, metric); n > 0) {
        kinds.push_back(std::to_string(n) + " " + words.In(it ? "it" : "en"));
      }
    }
    const std::string breakdown = kinds.empty() ? "" : ": " + JoinAnd(kinds, it);
    facts_text =
        it ? Window(facts) + ", su " + std::to_string(inbound) +
                 " contatti tra telefonate e messaggi, " + std::to_string(after) +
                 (after == 1 ? " è arrivato" : " sono arrivati") +
                 " fuori dal mio orario di lavoro" + breakdown + "."
           : Window(facts) + ", " + std::to_string(after) + " of your " + std::to_string(inbound) +
                 " calls and messages reached me outside my working hours" + breakdown + ".";
  }
  // Rush requests and hours worked after hours, as one more sentence.
  std::string rush_text, work_text;
  if (rush > 0) {
    rush_text =
        it ? (rush == 1 ? std::string("1 richiesta andava consegnata entro 24 ore")
                        : std::to_string(rush) + " richieste andavano consegnate entro 24 ore")
           : (rush == 1 ? std::string("1 request had to be delivered within 24 hours")
                        : std::to_string(rush) + " requests had to be delivered within 24 hours");
  }
  if (work_hours >= 1) {
    const std::string h = HoursText(work_hours, facts.options.lang);
    work_text =
        it ? h + (h == "1" ? " ora di lavoro è stata svolta fuori orario"
                           : " ore di lavoro sono state svolte fuori orario")
           : h + (h == "1" ? " hour" : " hours") + " of work had to be done outside working hours";
  }
  if (!rush_text.empty() || !work_text.empty()) {
    const std::string both = !rush_text.empty() && !work_text.empty()
                                 ? rush_text + (it ? " e " : ", and ") + work_text
                                 : rush_text + work_text;
    facts_text += (facts_text.empty() ? "" : " ") + std::string(it ? "Inoltre " : "In addition, ") +
                  both + ".";
  }
  if (!facts_text.empty()) letter.body.push_back(Paragraph(std::move(facts_text)));

  const std::string hours = WorkingHoursText(facts);
  letter.body.push_back(
      Paragraph(it ? "A partire " + ItDate("dal", from) + " vi propongo queste regole:"
                   : "From " + LongDate(from, Lang::kEn) + " I propose the following:"));
  if (it) {
    letter.body.push_back(List({
        "sono disponibile " + hours +
            "; ai messaggi ricevuti fuori orario rispondo il primo "
            "giorno lavorativo successivo;",
        "i lavori da consegnare entro 24 ore hanno una maggiorazione " + ItOfPercent(rush_fee) +
            ";",
        "per le vere emergenze fuori orario potete telefonarmi: l'intervento viene fatturato con "
        "la maggiorazione per urgenza;",
        "ci sentiamo con una breve telefonata ogni settimana per pianificare le richieste della "
        "settimana successiva, perché la maggior parte delle urgenze si può prevedere.",
    }));
  } else {
    letter.body.push_back(List({
        "I am available " + hours +
            "; messages that arrive outside these hours get a reply on "
            "the next working day;",
        "work to be delivered within 24 hours carries a " + std::to_string(rush_fee) +
            "% surcharge;",
        "for real emergencies outside these hours you can call me, and the work is charged at "
        "the rush rate;",
        "we have a short call each week to plan the following week's requests, since most urgent "
        "jobs can be seen coming.",
    }));
  }
  letter.body.push_back(
      Paragraph(facts.Pick("I trust this will help us both work better.",
                           "Confido che questo aiuti entrambi a lavorare meglio.")));
  return letter;
}

Result<Letter> Termination(const Facts& facts) {
  const Lang lang = facts.options.lang;
  const CivilDate end = facts.as_of.AddDays(30);
  Letter letter = Frame(
      facts, facts.Pick("End of our collaboration", "Conclusione della collaborazione"), false);
  letter.body.push_back(Paragraph(
      facts.it() ? "dopo un'attenta valutazione, ho deciso di concludere la nostra "
                   "collaborazione. Vi ringrazio per il lavoro svolto insieme" +
                       Since(facts) + "."
                 : "After careful thought, I have decided to bring our collaboration to an end. "
                   "Thank you for the work we have done together" +
                       Since(facts) + "."));
  letter.body.push_back(Paragraph(
      facts.it() ? "Per darvi il tempo di organizzarvi, porterò a termine le attività in corso " +
                       ItDate("entro il", end) +
                       " (fra 30 giorni); nel frattempo non prenderò "
                       "in carico nuove richieste."
                 : "To give you time to organise, I will complete the work in progress by " +
                       LongDate(end, lang) +
                       " (30 days from today); in the meantime I will not "
                       "take on new requests."));
  const std::string handover = facts.Pick(
      "all files, source code and access credentials, so that whoever takes over can "
      "carry on without interruption.",
      "tutti i file, i sorgenti e le credenziali di accesso, perché chi subentra possa "
      "proseguire senza interruzioni.");
  if (!facts.open.empty()) {
    const bool one = facts.open.size() == 1;
    auto table = InvoiceTable(facts, facts.open);
    if (!table) return std::unexpected(table.error());
    std::vector<Money> open;
    for (const OpenItem& item : facts.open) open.push_back(item.open);
    auto total = Sum(open, *facts.workspace);
    if (!total) return std::unexpected(total.error());
    letter.body.push_back(Paragraph(facts.Pick(
        one ? "The following invoice is still open:" : "The following invoices are still open:",
        one ? "Risulta ancora aperta la seguente fattura:"
            : "Risultano ancora aperte le seguenti fatture:")));
    letter.body.push_back(Table(*table));
    letter.body.push_back(Paragraph(
        facts.it()
            ? "Vi chiedo di saldare l'importo di " + Amount(*total, lang) + " " +
                  ItDate("entro il", end) + ". Ricevuto il pagamento, vi consegnerò " + handover
            : "Please settle the balance of " + Amount(*total, lang) + " by " +
                  LongDate(end, lang) + ". Once it has been paid, I will hand over " + handover));
  } else {
    letter.body.push_back(
        Paragraph(facts.it() ? Capitalize(ItDate("entro il", end)) + " vi consegnerò " + handover
                             : "By " + LongDate(end, lang) + " I will hand over " + handover));
  }
  letter.body.push_back(Paragraph(facts.Pick("I wish you every success with your projects.",
                                             "Vi auguro ogni successo per i vostri progetti.")));
  return letter;
}

}  // namespace addio::letters
