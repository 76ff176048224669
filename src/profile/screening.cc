#include "profile/screening.h"

#include <cmath>
#include <string>

namespace addio {
namespace {

// A ratio as a percentage with at most one decimal: "55%", "59.9%" / "59,9%".
std::string Percent(double ratio, bool it) {
  const double tenths = std::round(ratio * 1000.0);
  std::string text = std::to_string(static_cast<long long>(tenths / 10));
  const long long decimal = static_cast<long long>(std::fabs(std::fmod(tenths, 10.0)));
  if (decimal != 0) text += std::string(it ? "," : ".") + std::to_string(decimal);
  return text + "%";
}

// Italian articles elide before a vowel sound: "l'80%", "l'11%", "l'1%", but "il 60%" and
// "il 110%" (centodieci).
bool ElidesBefore(const std::string& percent) {
  const std::string digits = percent.substr(0, percent.find_first_not_of("0123456789"));
  return digits.starts_with("8") || digits == "1" || digits == "11";
}
// "il 60%" / "l'80%"; "al 60%" / "all'80%"; "del 60%" / "dell'80%".
std::string ItArticle(const std::string& preposition, const std::string& percent) {
  if (!ElidesBefore(percent)) return preposition + " " + percent;
  return (preposition == "il" ? std::string("l'") : preposition + "l'") + percent;
}

std::string Days(int days, bool it) {
  return std::to_string(days) +
         (days == 1 ? (it ? " giorno" : " day") : (it ? " giorni" : " days"));
}

void Raise(Level& level, Level to) {
  if (LevelPoints(to) > LevelPoints(level)) level = to;
}

PredictedSign NoContract(const IntakeAnswers& a) {
  PredictedSign p{nullptr, Level::kGreen, {}};
  switch (a.will_sign_contract) {
    case WillSign::kNo:
      p.level = Level::kRed;
      p.reasons.push_back(
          {"They will not sign a contract: in any dispute it would be your word against theirs.",
           "Non firmerà un contratto: in caso di contestazione sarebbe la tua parola contro "
           "la sua."});
      break;
    case WillSign::kHesitant:
      p.level = Level::kAmber;
      p.reasons.push_back({"They are hesitant to sign a contract.",
                           "È titubante all'idea di firmare un contratto."});
      break;
    case WillSign::kYes:
      p.reasons.push_back(
          {"They are ready to sign a contract.", "È disposto a firmare un contratto."});
      break;
  }
  return p;
}

PredictedSign ScopeCreep(const IntakeAnswers& a) {
  PredictedSign p{nullptr, Level::kGreen, {}};
  const bool vague = a.scope_clarity == ScopeClarity::kVague;
  const bool unclear = a.decision_maker == DecisionMaker::kUnclear;
  if (vague && unclear) {
    p.level = Level::kRed;
    p.reasons.push_back(
        {"The scope is vague and nobody clearly decides: the brief will follow whoever spoke "
         "last.",
         "L'oggetto è vago e non si sa chi decide: le richieste seguiranno chi ha parlato per "
         "ultimo."});
  } else if (vague) {
    p.level = Level::kAmber;
    p.reasons.push_back(
        {"The scope is still vague: extras will be hard to tell from the job.",
         "L'oggetto del lavoro è ancora vago: sarà difficile distinguere gli extra da quanto "
         "concordato."});
  } else if (unclear) {
    p.level = Level::kAmber;
    p.reasons.push_back({"It is unclear who makes the decisions on their side.",
                         "Non è chiaro chi prenda le decisioni da parte sua."});
  }
  if (a.providers_replaced >= 3) {
    // A history of replaced providers makes whatever else is uncertain one step worse.
    Raise(p.level, p.level == Level::kGreen ? Level::kAmber : Level::kRed);
    const std::string n = std::to_string(a.providers_replaced);
    p.reasons.push_back({"They replaced " + n + " providers in the last two years.",
                         "Ha cambiato " + n + " fornitori negli ultimi due anni."});
  }
  if (p.reasons.empty()) {
    p.reasons.push_back(a.scope_clarity == ScopeClarity::kClear
                            ? Text{"The scope is clear and the decisions are in known hands.",
                                   "L'oggetto è chiaro e si sa chi decide."}
                            : Text{"The scope is partly defined and the decisions are in known "
                                   "hands: write down what is still open.",
                                   "L'oggetto è definito solo in parte e si sa chi decide: "
                                   "metti per iscritto ciò che resta aperto."});
  }
  return p;
}

PredictedSign TimeDrain(const IntakeAnswers& a) {
  PredictedSign p{nullptr, Level::kGreen, {}};
  const std::string en_pct = Percent(a.timeline_ratio, false);
  const std::string it_pct = Percent(a.timeline_ratio, true);
  if (a.timeline_ratio < 0.5) {
    p.level = Level::kRed;
    p.reasons.push_back(
        {"They want it in " + en_pct + " of the time you estimate: an emergency from day one.",
         "Vuole il lavoro in un tempo pari " + ItArticle("al", it_pct) +
             " della tua stima: un'emergenza fin dal primo giorno."});
  } else if (a.timeline_ratio < 0.8) {
    p.level = Level::kAmber;
    p.reasons.push_back(
        {"They want it in " + en_pct + " of the time you estimate.",
         "Vuole il lavoro in un tempo pari " + ItArticle("al", it_pct) + " della tua stima."});
  }
  if (a.contact_hours == ContactHours::kAnytime) {
    Raise(p.level, Level::kRed);
    p.reasons.push_back({"They expect to reach you at any hour, weekends included.",
                         "Si aspetta di poterti contattare a qualsiasi ora, fine settimana "
                         "compresi."});
  } else if (a.contact_hours == ContactHours::kExtended) {
    Raise(p.level, Level::kAmber);
    p.reasons.push_back({"They expect to reach you beyond working hours.",
                         "Si aspetta di poterti contattare anche fuori dall'orario di lavoro."});
  }
  if (p.reasons.empty()) {
    p.reasons.push_back(
        {"A workable timeline (" + en_pct + " of your estimate) and contact within working hours.",
         "Tempi sostenibili (" + it_pct + " della tua stima) e contatti in orario di lavoro."});
  }
  return p;
}

PredictedSign Underpaying(const IntakeAnswers& a) {
  PredictedSign p{nullptr, Level::kGreen, {}};
  const std::string en_pct = Percent(a.budget_ratio, false);
  const std::string it_pct = Percent(a.budget_ratio, true);
  if (a.budget_ratio < 0.6) {
    p.level = Level::kRed;
    p.reasons.push_back(
        {"Their budget is " + en_pct + " of your quote: the job would pay far below your rate.",
         "Il suo budget è " + ItArticle("il", it_pct) +
             " del tuo preventivo: il lavoro renderebbe molto meno della tua tariffa."});
  } else if (a.budget_ratio < 0.85) {
    p.level = Level::kAmber;
    p.reasons.push_back(
        {"Their budget is " + en_pct + " of your quote: the job would pay below your rate.",
         "Il suo budget è " + ItArticle("il", it_pct) +
             " del tuo preventivo: il lavoro renderebbe meno della tua tariffa."});
  } else {
    p.reasons.push_back(
        {"Their budget covers " + en_pct + " of your quote.",
         "Il suo budget copre " + ItArticle("il", it_pct) + " del tuo preventivo."});
  }
  return p;
}

PredictedSign LatePayment(const IntakeAnswers& a) {
  PredictedSign p{nullptr, Level::kGreen, {}};
  const int days = a.payment_terms_days;
  if (days > 60) {
    p.level = Level::kRed;
    p.reasons.push_back(
        {"They want to pay at " + Days(days, false) +
             ": you would be financing them for more than two months.",
         "Vuole pagare a " + Days(days, true) + ": lo finanzieresti per più di due mesi."});
  } else if (days > 30) {
    p.level = Level::kAmber;
    p.reasons.push_back({"They want to pay at " + Days(days, false) + ", beyond the usual 30.",
                         "Vuole pagare a " + Days(days, true) + ", oltre i soliti 30."});
  }
  if (!a.accepts_deposit) {
    Raise(p.level, Level::kAmber);
    p.reasons.push_back({"They will not pay a deposit.", "Non accetta di versare un acconto."});
  }
  if (p.reasons.empty()) {
    p.reasons.push_back(
        days == 0 ? Text{"Payment on receipt, with a deposit.", "Pagamento a vista, con acconto."}
                  : Text{"Payment at " + Days(days, false) + ", with a deposit.",
                         "Pagamento a " + Days(days, true) + ", con acconto."});
  }
  return p;
}

PredictedSign NonPayment(const IntakeAnswers& a) {
  PredictedSign p{nullptr, Level::kGreen, {}};
  switch (a.payment_reputation) {
    case PaymentReputation::kBad:
      p.level = Level::kRed;
      p.reasons.push_back({"They are known to pay late or not at all.",
                           "Ha fama di pagare in ritardo o di non pagare affatto."});
      break;
    case PaymentReputation::kUnknown:
      if (!a.accepts_deposit) {
        p.level = Level::kAmber;
        p.reasons.push_back(
            {"Nobody can vouch for how they pay, and they will not pay a deposit: the whole "
             "risk would be yours.",
             "Nessuno sa dire come paga e non accetta acconti: tutto il rischio sarebbe tuo."});
      } else {
        p.reasons.push_back(
            {"Nobody can vouch for how they pay, but a deposit covers part of the risk.",
             "Nessuno sa dire come paga, ma l'acconto copre parte del rischio."});
      }
      break;
    case PaymentReputation::kGood:
      p.reasons.push_back(
          {"Others vouch for them as a good payer.", "Altri garantiscono che è un buon pagatore."});
      break;
  }
  return p;
}

// The prediction of the rule of sign `key`; green with no reason for a sign that has no
// rule here.
PredictedSign PredictBy(std::string_view key, const IntakeAnswers& a) {
  using Rule = PredictedSign (*)(const IntakeAnswers&);
  static const std::pair<std::string_view, Rule> kRules[] = {
      {"no_contract", NoContract},  {"scope_creep", ScopeCreep},   {"time_drain", TimeDrain},
      {"underpaying", Underpaying}, {"late_payment", LatePayment}, {"non_payment", NonPayment},
  };
  for (const auto& [rule_key, rule] : kRules) {
    if (rule_key == key) return rule(a);
  }
  return PredictedSign{nullptr, Level::kGreen, {}};
}

}  // namespace

const char* DecisionKey(Decision decision) {
  switch (decision) {
    case Decision::kDecline:
      return "decline";
    case Decision::kAcceptWithTerms:
      return "accept_with_terms";
    case Decision::kAccept:
      return "accept";
  }
  return "decline";
}

std::optional<Decision> ParseDecision(std::string_view key) {
  for (Decision d : {Decision::kDecline, Decision::kAcceptWithTerms, Decision::kAccept}) {
    if (key == DecisionKey(d)) return d;
  }
  return std::nullopt;
}

Levels Screening::levels() const {
  Levels out;
  for (const PredictedSign& predicted : signals) out.push_back(predicted.level);
  return out;
}

Screening ScreenProspect(const IntakeAnswers& answers) {
  Screening s;
  s.answers = answers;
  for (const SignDefinition* sign : AllSigns()) {
    PredictedSign predicted = PredictBy(sign->key(), answers);
    predicted.sign = sign;
    s.signals.push_back(std::move(predicted));
  }
  const Levels levels = s.levels();
  s.risk = 100 - Score(levels);
  s.archetype = ClassifyArchetype(levels);

  int reds = 0;
  bool flagged = false;
  for (Level level : levels) {
    reds += level == Level::kRed;
    flagged = flagged || level == Level::kAmber || level == Level::kRed;
  }
  bool decisive_red = false;
  for (const PredictedSign& predicted : s.signals) {
    decisive_red =
        decisive_red || (predicted.sign->red_parts_ways() && predicted.level == Level::kRed);
  }
  if (decisive_red || reds >= 2) {
    s.decision = Decision::kDecline;
  } else if (flagged) {
    s.decision = Decision::kAcceptWithTerms;
  } else {
    s.decision = Decision::kAccept;
  }
  s.terms = StricterTerms(TermsFor(levels), StrategyFor(kNewcomer).terms);
  return s;
}

}  // namespace addio
