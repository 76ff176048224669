#include "profile/strategy.h"

#include <algorithm>

namespace addio {
namespace {

// clang-format off
std::vector<Strategy> MakeStrategies() {
  std::vector<Strategy> s(8);

  s[0] = {
      kPartner,
      {"A reliable client: pays on time, keeps to what was agreed and respects your hours. "
       "Invest in the relationship: keep them informed, plan the work together and review "
       "your rates on a schedule, never by surprise.",
       "Un cliente affidabile: paga puntuale, rispetta gli accordi e i tuoi orari. Conviene "
       "investire nel rapporto: tenerlo aggiornato, pianificare il lavoro insieme e rivedere "
       "le tariffe a scadenze prestabilite, mai a sorpresa."},
      {"Whatever they prefer: email for decisions, calls or meetings for planning.",
       "Quello che preferisce: e-mail per le decisioni, telefonate o incontri per "
       "pianificare."},
      {"A short update every two weeks and a review of the relationship once a year.",
       "Un breve aggiornamento ogni due settimane e un punto sul rapporto una volta l'anno."},
      {"Warm and direct, as between partners.", "Cordiale e diretto, da partner."},
      {{"The yearly rate review, with the new rate announced two months ahead.",
        "La revisione annuale della tariffa, con la nuova tariffa comunicata due mesi "
        "prima."},
       {"Scope, price and deadline of each new project.",
        "Oggetto, prezzo e scadenza di ogni nuovo progetto."}},
      {{"Open-ended favours that slowly become the rule.",
        "Favori senza limiti che a poco a poco diventano la regola."}},
      {.deposit_percent = 0, .payment_terms_days = 30, .rush_fee_percent = 25,
       .revision_limit = 3, .minimum_fee_hours = 2},
      {"The answers point to a reliable client. Accept on your usual terms, put scope and price "
       "in writing, and look after the relationship from the start.",
       "Le risposte indicano un cliente affidabile. Accetta alle tue condizioni abituali, metti "
       "per iscritto oggetto e prezzo e cura il rapporto fin dall'inizio."}};

  s[1] = {
      kNewcomer,
      {"Too little history to judge. Start with a small paid job, clear terms and a "
       "deposit, and see how they pay, ask and communicate before committing to more.",
       "Troppo poca storia per giudicare. Meglio partire con un lavoro piccolo e pagato, "
       "condizioni chiare e un acconto, e vedere come paga, come chiede e come comunica "
       "prima di impegnarsi di più."},
      {"Email, so that what was agreed stays on record; a call to start each job.",
       "E-mail, perché quanto concordato resti scritto; una telefonata per avviare ogni "
       "lavoro."},
      {"A weekly update during the first job.",
       "Un aggiornamento settimanale durante il primo lavoro."},
      {"Friendly and precise: the rules of working together are set on day one.",
       "Cordiale e preciso: le regole della collaborazione si fissano dal primo giorno."},
      {{"Scope, price and deadline of the first job.",
        "Oggetto, prezzo e scadenza del primo lavoro."},
       {"Payment terms and the deposit.", "Termini di pagamento e acconto."},
       {"How requests beyond the agreed scope are handled and priced.",
        "Come si gestiscono e si prezzano le richieste fuori dagli accordi."}},
      {{"Starting before the deposit arrives.", "Iniziare prima che arrivi l'acconto."},
       {"A large project as the first job.", "Un progetto grande come primo lavoro."}},
      {.deposit_percent = 30, .payment_terms_days = 30, .rush_fee_percent = 25,
       .revision_limit = 2, .minimum_fee_hours = 4},
      {"Too little is known to judge: start with a small paid job and a deposit.",
       "Si sa troppo poco per giudicare: parti con un lavoro piccolo e pagato, con acconto."}};

  s[2] = {
      Archetype{"non_payer"},
      {"They do not pay. Stop work until the arrears are settled, keep every exchange in "
       "writing and follow the formal steps: reminder, formal notice, then debt collection. "
       "Any future job only against full payment in advance.",
       "Non paga. Sospendi il lavoro finché gli arretrati non sono saldati, tieni ogni "
       "comunicazione per iscritto e segui i passaggi formali: sollecito, diffida, poi "
       "recupero del credito. Eventuali lavori futuri solo con pagamento anticipato per "
       "intero."},
      {"In writing only: email, and registered email or recorded delivery for the formal "
       "notice.",
       "Solo per iscritto: e-mail, e PEC o raccomandata A/R per la diffida."},
      {"Reminders on a fixed schedule: 7, 15 and 30 days after the due date, then the "
       "formal notice.",
       "Solleciti a scadenze fisse: 7, 15 e 30 giorni dopo la scadenza, poi la diffida."},
      {"Courteous, factual and firm: amounts, dates, deadlines. No apologies, and no threat "
       "you are not ready to carry out.",
       "Cortese, concreto e fermo: importi, date, scadenze. Nessuna scusa e nessuna minaccia "
       "che non si è pronti a mettere in pratica."},
      {{"Every amount owed, with invoice number and due date.",
        "Ogni importo dovuto, con numero e scadenza della fattura."},
       {"Every promise of payment they make, with its date.",
        "Ogni promessa di pagamento ricevuta, con la sua data."},
       {"That work stays suspended until payment.",
        "Che il lavoro resta sospeso fino al pagamento."}},
      {{"Work beyond what has been paid for.", "Lavoro oltre quanto già pagato."},
       {"Handing over source files or credentials before payment.",
        "Consegnare sorgenti o credenziali prima del pagamento."},
       {"Instalments without a signed payment plan.",
        "Rateizzazioni senza un piano di rientro firmato."}},
      {.deposit_percent = 100, .payment_terms_days = 0, .rush_fee_percent = 50,
       .revision_limit = 1, .minimum_fee_hours = 8},
      {"The signs point to a client who may not pay. Ask for payment in advance, or a deposit "
       "large enough to cover your work, and deliver only what has been paid for.",
       "I segnali indicano un cliente che potrebbe non pagare. Chiedi il pagamento anticipato, o "
       "un acconto che copra il tuo lavoro, e consegna solo ciò che è già stato pagato."}};

  s[3] = {
      Archetype{"contract_averse"},
      {"They will not commit on paper. Without a signature every hour is your word against "
       "theirs: a short statement of work, signed or accepted by email, before any more "
       "work.",
       "Non vuole impegnarsi per iscritto. Senza una firma ogni ora di lavoro è la tua "
       "parola contro la sua: prima di proseguire, un breve documento d'incarico firmato o "
       "accettato via e-mail."},
      {"Email for every agreement; after a call, a written recap for them to confirm.",
       "E-mail per ogni accordo; dopo una telefonata, un riepilogo scritto da confermare."},
      {"A recap after every meeting or call, the same day.",
       "Un riepilogo dopo ogni incontro o telefonata, in giornata."},
      {"Relaxed about the form, firm on the substance: one page is enough, but there must "
       "be one.",
       "Flessibile sulla forma, fermo sulla sostanza: basta una pagina, ma deve esserci."},
      {{"Scope, price, deadlines and payment terms, accepted before work starts.",
        "Oggetto, prezzo, scadenze e termini di pagamento, accettati prima di iniziare."},
       {"Every change, with its price, confirmed by email.",
        "Ogni modifica, con il suo prezzo, confermata via e-mail."}},
      {{"Starting on a handshake or on \"we'll sign next week\".",
        "Iniziare sulla parola o con un \"firmiamo la settimana prossima\"."},
       {"Changes to the agreed scope made by word of mouth.",
        "Modifiche a voce a quanto concordato."}},
      {.deposit_percent = 50, .payment_terms_days = 15, .rush_fee_percent = 25,
       .revision_limit = 2, .minimum_fee_hours = 4},
      {"The risk is working without a signature. Accept only with a short written agreement, "
       "signed or accepted by email before any work starts.",
       "Il rischio è lavorare senza una firma. Accetta solo con un breve accordo scritto, firmato "
       "o accettato via e-mail prima di iniziare."}};

  s[4] = {
      Archetype{"slow_payer"},
      {"They pay, but late, out of habit. Shorten the terms, ask for a deposit, automate "
       "the reminders and mention the statutory late-payment interest: paying you on time "
       "has to become the easier option.",
       "Paga, ma in ritardo, per abitudine. Accorcia i termini, chiedi un acconto, "
       "automatizza i solleciti e ricorda gli interessi di mora previsti dalla legge: "
       "pagarti puntuale deve diventare la scelta più comoda."},
      {"Email to the accounts department with the invoice attached; a call to whoever "
       "approves payments once a due date has passed.",
       "E-mail all'amministrazione con la fattura allegata; una telefonata a chi autorizza "
       "i pagamenti quando la scadenza è passata."},
      {"A reminder 3 days before the due date, one on the day and one every week after.",
       "Un promemoria 3 giorni prima della scadenza, uno il giorno stesso e poi uno a "
       "settimana."},
      {"Polite and matter-of-fact: reminders are routine, not a quarrel.",
       "Cortese e pratico: i solleciti sono una procedura, non una lite."},
      {{"Payment terms and the statutory late-interest clause, in the contract and on every "
        "invoice.",
        "Termini di pagamento e clausola sugli interessi di mora (D.Lgs. 231/2002), nel "
        "contratto e su ogni fattura."},
       {"The date they promise to pay.", "La data in cui promettono di pagare."}},
      {{"Starting a new job while an invoice is overdue.",
        "Iniziare un nuovo lavoro con una fattura scaduta."},
       {"Payment terms beyond 30 days.", "Termini di pagamento oltre i 30 giorni."}},
      {.deposit_percent = 40, .payment_terms_days = 15, .rush_fee_percent = 25,
       .revision_limit = 2, .minimum_fee_hours = 4},
      {"Expect late payments. Ask for a deposit, keep the payment terms short, invoice each "
       "milestone and set up reminders from the first invoice.",
       "Aspettati pagamenti in ritardo. Chiedi un acconto, tieni brevi i termini di pagamento, "
       "fattura ogni fase e imposta i solleciti fin dalla prima fattura."}};

  s[5] = {
      Archetype{"bargain_hunter"},
      {"They pay less than your other clients and push back on every price. Talk about the "
       "value you deliver rather than the hours, raise your rate in steps and with notice, "
       "and set a minimum fee so that small jobs are worth taking.",
       "Paga meno degli altri clienti e discute ogni prezzo. Parla del valore che porti più "
       "che delle ore, aumenta la tariffa per gradi e con preavviso e fissa un compenso "
       "minimo, perché anche i lavori piccoli convengano."},
      {"A meeting or a call to discuss prices, then a written quote.",
       "Un incontro o una telefonata per parlare di prezzi, poi un preventivo scritto."},
      {"A rate review every six months; quotes valid for 30 days.",
       "Una revisione della tariffa ogni sei mesi; preventivi validi 30 giorni."},
      {"Confident and calm: explain what the price buys, without justifying it line by "
       "line.",
       "Sicuro e pacato: spiega cosa comprende il prezzo, senza giustificarlo voce per "
       "voce."},
      {{"Every quote, with what it includes and what it does not.",
        "Ogni preventivo, con quello che comprende e quello che esclude."},
       {"The new rate and the date it applies from.",
        "La nuova tariffa e la data da cui si applica."}},
      {{"Discounts in exchange for \"plenty of work later\".",
        "Sconti in cambio di \"tanto lavoro in futuro\"."},
       {"Matching the price of whoever is cheapest.",
        "Allinearsi al prezzo del più economico."},
       {"Jobs below the minimum fee.", "Lavori sotto il compenso minimo."}},
      {.deposit_percent = 30, .payment_terms_days = 30, .rush_fee_percent = 50,
       .revision_limit = 2, .minimum_fee_hours = 8},
      {"The budget is below your price. Quote on value, cut the scope rather than the rate, and "
       "set a minimum fee: do not start with a discount you will have to take back.",
       "Il budget è sotto il tuo prezzo. Fai il preventivo sul valore, riduci l'oggetto invece "
       "della tariffa e fissa un compenso minimo: non partire con uno sconto che poi dovrai "
       "togliere."}};

  s[6] = {
      Archetype{"scope_creeper"},
      {"They keep asking for more than was agreed. Write the scope down, limit the rounds "
       "of revisions and turn every extra into a change order with a price, accepted before "
       "you start it.",
       "Chiede sempre più di quanto concordato. Metti per iscritto l'oggetto dell'incarico, "
       "limita i giri di revisione e trasforma ogni richiesta extra in una variante con il "
       "suo prezzo, accettata prima di iniziarla."},
      {"Email or the project tool for every request, so that each one can be priced.",
       "E-mail o lo strumento di progetto per ogni richiesta, così che ciascuna abbia il "
       "suo prezzo."},
      {"A short weekly status listing the extras requested and their price.",
       "Un breve punto settimanale con le richieste extra e il loro prezzo."},
      {"Helpful but precise: \"happy to do it; here is what it costs and when it can be "
       "ready\".",
       "Disponibile ma preciso: \"volentieri; ecco quanto costa e quando può essere "
       "pronto\"."},
      {{"The agreed scope, and what it excludes.", "L'oggetto concordato e ciò che esclude."},
       {"The number of revision rounds included.", "Il numero di revisioni incluse."},
       {"Every change order, accepted before work starts.",
        "Ogni variante, accettata prima di iniziare."}},
      {{"\"Small\" extras without a price.", "Piccole aggiunte senza un prezzo."},
       {"Free revisions beyond the rounds included.",
        "Revisioni gratuite oltre quelle incluse."}},
      {.deposit_percent = 30, .payment_terms_days = 30, .rush_fee_percent = 25,
       .revision_limit = 1, .minimum_fee_hours = 4},
      {"The scope is likely to grow. Write it down with what it excludes, limit the revisions and "
       "agree from day one that extras come with a change order and a price.",
       "L'oggetto è destinato a crescere. Mettilo per iscritto con ciò che esclude, limita le "
       "revisioni e concorda fin dal primo giorno che gli extra passano da una variante con il "
       "suo prezzo."}};

  s[7] = {
      Archetype{"firefighter"},
      {"Everything is urgent and the phone rings in the evening. Set office hours and a "
       "response time, charge a rush fee for urgency and plan recurring work ahead, so "
       "that emergencies become the exception again.",
       "Tutto è urgente e il telefono squilla la sera. Fissa orari di disponibilità e "
       "tempi di risposta, fai pagare l'urgenza con una maggiorazione e pianifica in "
       "anticipo il lavoro ricorrente, perché le emergenze tornino a essere un'eccezione."},
      {"Email or chat within office hours; the phone only for real emergencies, at the rush "
       "rate.",
       "E-mail o chat negli orari concordati; il telefono solo per le vere emergenze, con "
       "la maggiorazione."},
      {"A weekly planning call to bring next week's requests forward.",
       "Una telefonata settimanale di pianificazione per anticipare le richieste della "
       "settimana successiva."},
      {"Calm and friendly, never on call: answer within your hours, not at once.",
       "Calmo e cordiale, mai reperibile a ogni ora: rispondi nei tuoi orari, non "
       "all'istante."},
      {{"Office hours and the response time.", "Orari di disponibilità e tempi di risposta."},
       {"The rush fee, and what counts as rush (delivery within 24 hours).",
        "La maggiorazione per urgenza, e cosa conta come urgente (consegna entro 24 ore)."}},
      {{"Calls and messages answered in the evening or at weekends.",
        "Telefonate e messaggi gestiti la sera o nel fine settimana."},
       {"Deadlines \"for tomorrow morning\" at the normal rate.",
        "Scadenze \"per domattina\" alla tariffa normale."}},
      {.deposit_percent = 30, .payment_terms_days = 30, .rush_fee_percent = 50,
       .revision_limit = 2, .minimum_fee_hours = 4},
      {"Expect urgency and calls outside your hours. Agree on office hours, response times and a "
       "rush fee before the first deadline, and plan the timeline together.",
       "Aspettati urgenze e telefonate fuori orario. Concorda orari di disponibilità, tempi di "
       "risposta e maggiorazione per urgenza prima della prima scadenza, e pianificate insieme i "
       "tempi."}};

  return s;
}
// clang-format on

}  // namespace

Terms StricterTerms(const Terms& a, const Terms& b) {
  return {.deposit_percent = std::max(a.deposit_percent, b.deposit_percent),
          .payment_terms_days = std::min(a.payment_terms_days, b.payment_terms_days),
          .rush_fee_percent = std::max(a.rush_fee_percent, b.rush_fee_percent),
          .revision_limit = std::min(a.revision_limit, b.revision_limit),
          .minimum_fee_hours = std::max(a.minimum_fee_hours, b.minimum_fee_hours)};
}

const std::vector<Strategy>& AllStrategies() {
  static const std::vector<Strategy> strategies = MakeStrategies();
  return strategies;
}

const Strategy& StrategyFor(Archetype archetype) {
  const std::vector<Strategy>& all = AllStrategies();
  for (const Strategy& strategy : all) {
    if (strategy.archetype == archetype) return strategy;
  }
  // A type with no strategy written yet is treated as a newcomer: cautious terms.
  return StrategyFor(kNewcomer);
}

Archetype ArchetypeOfSign(const SignDefinition* sign) { return Archetype{sign->archetype()}; }

Terms TermsFor(const Levels& levels) {
  Terms terms = StrategyFor(ClassifyArchetype(levels)).terms;
  const std::vector<const SignDefinition*>& signs = AllSigns();
  for (size_t i = 0; i < signs.size() && i < levels.size(); ++i) {
    if (levels[i] == Level::kAmber || levels[i] == Level::kRed) {
      terms = StricterTerms(terms, StrategyFor(ArchetypeOfSign(signs[i])).terms);
    }
  }
  return terms;
}

}  // namespace addio
