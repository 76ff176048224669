// The words of the prospect screening page and of the client page's letters, in English and
// Italian. Kept apart from i18n.ts, which spreads them into its catalogue. The questions
// follow the intake questionnaire of src/profile/intake.cc and the letter names the titles
// of src/report/letters.cc, so the dashboard and `addio screen` / `addio letter` agree.

export const SCREEN_CATALOGUE = {
  'nav.screen': ['Screen a prospect', 'Valuta un nuovo cliente'],

  // The page.
  'screen.title': ['Screen a prospect', 'Valuta un potenziale cliente'],
  'screen.lead': [
    'Ten questions before the first job: how risky the prospect looks, and the terms to propose.',
    'Dieci domande prima del primo lavoro: quanto è rischioso il potenziale cliente e quali condizioni proporgli.',
  ],
  'screen.questions': ['The intake questions', 'Le domande preliminari'],
  'screen.submit': ['Screen the prospect', 'Valuta il cliente'],
  'screen.defaults': ['Back to the defaults', 'Ripristina i valori predefiniti'],
  'screen.working': ['Screening…', 'Valutazione in corso…'],
  'screen.invalid': [
    'Check the answers marked in the form.',
    'Controlla le risposte segnalate nel modulo.',
  ],
  'screen.bad_ratio': [
    'Enter a number above 0 and at most 100, such as 0.8 or 3000/4000.',
    'Inserisci un numero maggiore di 0 e non oltre 100, per esempio 0,8 oppure 3000/4000.',
  ],
  'screen.bad_integer': [
    'Enter a whole number from {0} to {1}.',
    'Inserisci un numero intero da {0} a {1}.',
  ],
  'screen.stale': [
    'The answers changed after this result: screen again to update it.',
    'Le risposte sono cambiate dopo questo esito: valuta di nuovo per aggiornarlo.',
  ],
  'screen.empty': [
    'Answer the questions and screen the prospect to see the result here.',
    'Rispondi alle domande e valuta il cliente per vedere qui l’esito.',
  ],
  'screen.result': ['Result', 'Esito'],
  'screen.decision': ['Decision', 'Decisione'],
  'screen.decision.decline': ['Decline', 'Rifiutare'],
  'screen.decision.accept_with_terms': ['Accept with terms', 'Accettare a condizioni'],
  'screen.decision.accept': ['Accept', 'Accettare'],
  'screen.decision_hint.decline': [
    'A sign that matters most is red, or two signs are: the job is likely to cost more than it pays.',
    'Un segnale decisivo è rosso, oppure lo sono due segnali: è probabile che il lavoro costi più di quanto renda.',
  ],
  'screen.decision_hint.accept_with_terms': [
    'Some signs call for care: take the job on the terms below, in writing.',
    'Alcuni segnali chiedono prudenza: accetta il lavoro alle condizioni qui sotto, per iscritto.',
  ],
  'screen.decision_hint.accept': [
    'Nothing in the answers points to trouble.',
    'Nelle risposte non c’è nulla che faccia pensare a problemi.',
  ],
  'screen.risk': ['Risk', 'Rischio'],
  'screen.risk_value': ['Risk {0} of 100', 'Rischio {0} su 100'],
  'screen.archetype': ['Likely client type', 'Tipo di cliente probabile'],
  'screen.signs': ['Predicted signs', 'Segnali previsti'],
  'screen.terms': ['Recommended terms', 'Condizioni consigliate'],
  'screen.strategy': ['Strategy', 'Strategia'],
  'screen.similar': ['Similar past clients', 'Clienti passati simili'],
  'screen.similar_help': [
    'The clients whose intake answers were closest, and how they turned out as of {0}.',
    'I clienti con le risposte più vicine, e com’è andata alla data del {0}.',
  ],
  'screen.similarity': ['Similarity', 'Somiglianza'],
  'screen.archetype_col': ['Client type', 'Tipo di cliente'],

  // Terms.
  'terms.deposit_percent': ['Deposit', 'Acconto'],
  'terms.payment_terms_days': ['Payment terms', 'Termini di pagamento'],
  'terms.on_receipt': ['on receipt', 'a vista'],
  'terms.rush_fee_percent': ['Rush fee', 'Maggiorazione per urgenze'],
  'terms.revision_limit': ['Revisions included', 'Revisioni incluse'],
  'terms.minimum_fee': ['Minimum fee', 'Compenso minimo'],
  'terms.minimum_fee_value': ['{0} h ({1})', '{0} h ({1})'],

  // The ten questions: the question, what the values mean, the choices.
  'q.will_sign_contract': [
    'Will they sign a contract before work starts?',
    'Firmerà un contratto prima dell’inizio dei lavori?',
  ],
  'q.will_sign_contract.yes': ['Yes, ready to sign', 'Sì, è pronto a firmare'],
  'q.will_sign_contract.hesitant': [
    'Hesitant: wants to think about it, or to “sign later”',
    'È titubante: vuole pensarci, o «firmare più avanti»',
  ],
  'q.will_sign_contract.no': ['No, refuses to sign', 'No, rifiuta di firmare'],
  'q.budget_ratio': [
    'Their budget divided by your quote',
    'Il suo budget diviso il tuo preventivo',
  ],
  'q.budget_ratio.help': [
    '1 means their budget covers your quote; below 0.85 the job pays less than your rate, below 0.6 far less. A fraction such as 3000/4000 works too.',
    '1 significa che il budget copre il preventivo; sotto 0,85 il lavoro rende meno della tua tariffa, sotto 0,6 molto meno. Va bene anche una frazione come 3000/4000.',
  ],
  'q.accepts_deposit': [
    'Will they pay a deposit before work starts?',
    'Accetta di versare un acconto prima dell’inizio dei lavori?',
  ],
  'q.accepts_deposit.true': ['Yes', 'Sì'],
  'q.accepts_deposit.false': ['No', 'No'],
  'q.payment_terms_days': [
    'Payment terms they ask for, in days from the invoice',
    'Termini di pagamento richiesti, in giorni dalla fattura',
  ],
  'q.payment_terms_days.help': [
    '0 for payment on receipt; over 30 days is a warning, over 60 a serious one.',
    '0 per il pagamento a vista; oltre 30 giorni è un campanello d’allarme, oltre 60 un segnale serio.',
  ],
  'q.scope_clarity': [
    'How clear is the scope of the job?',
    'Quanto è chiaro l’oggetto del lavoro?',
  ],
  'q.scope_clarity.clear': ['Clear: written down and specific', 'Chiaro: scritto e preciso'],
  'q.scope_clarity.partial': [
    'Partial: the outline is known, the details are not',
    'In parte: si conosce lo schema ma non i dettagli',
  ],
  'q.scope_clarity.vague': ['Vague: “we’ll see as we go”', 'Vago: «vediamo strada facendo»'],
  'q.timeline_ratio': [
    'The delivery time they want divided by your estimate',
    'Il tempo di consegna che chiede diviso la tua stima',
  ],
  'q.timeline_ratio.help': [
    '1 means your estimate is accepted; below 0.8 the job is rushed, below 0.5 it is an emergency from day one.',
    '1 significa che la tua stima va bene; sotto 0,8 il lavoro è di corsa, sotto 0,5 è un’emergenza fin dal primo giorno.',
  ],
  'q.providers_replaced': [
    'Providers they replaced in the last two years',
    'Fornitori cambiati negli ultimi due anni',
  ],
  'q.providers_replaced.help': [
    'Designers, developers or agencies before you; 3 or more is a warning.',
    'Grafici, sviluppatori o agenzie prima di te; da 3 in su è un campanello d’allarme.',
  ],
  'q.contact_hours': [
    'When do they expect to reach you?',
    'Quando si aspetta di poterti contattare?',
  ],
  'q.contact_hours.business': ['During working hours', 'In orario di lavoro'],
  'q.contact_hours.extended': ['In the evening too', 'Anche la sera'],
  'q.contact_hours.anytime': [
    'Anytime: evenings, nights and weekends',
    'Sempre: sera, notte e fine settimana',
  ],
  'q.decision_maker': [
    'Who makes the decisions on their side?',
    'Chi prende le decisioni da parte sua?',
  ],
  'q.decision_maker.single': ['One person', 'Una sola persona'],
  'q.decision_maker.committee': ['A group that decides together', 'Un gruppo che decide insieme'],
  'q.decision_maker.unclear': ['You could not tell', 'Non si è capito'],
  'q.payment_reputation': ['Their reputation as a payer', 'La sua fama come pagatore'],
  'q.payment_reputation.good': ['Good: others vouch for them', 'Buona: altri garantiscono per lui'],
  'q.payment_reputation.unknown': [
    'Unknown: nobody could tell you',
    'Sconosciuta: nessuno sa dirlo',
  ],
  'q.payment_reputation.bad': [
    'Bad: known to pay late or not at all',
    'Cattiva: noto per pagare in ritardo o per non pagare',
  ],

  // Letters on the client page.
  'letters.title': ['Letters', 'Lettere'],
  'letters.help': [
    'A ready-to-send letter filled with this client’s records, dated {0}. Read it before sending it.',
    'Una lettera pronta da inviare, compilata con i dati di questo cliente e datata {0}. Rileggila prima di spedirla.',
  ],
  'letters.kind': ['Letter', 'Lettera'],
  'letters.kind.reminder': ['Payment reminder', 'Sollecito di pagamento'],
  'letters.kind.formal-notice': ['Formal notice to pay', 'Diffida ad adempiere'],
  'letters.kind.rate-increase': ['New hourly rate', 'Nuova tariffa oraria'],
  'letters.kind.change-order': ['Requests outside the scope', 'Richieste fuori dall’incarico'],
  'letters.kind.office-hours': ['Office hours and urgent requests', 'Orari di disponibilità'],
  'letters.kind.termination': ['End of the collaboration', 'Conclusione della collaborazione'],
  'letters.lang': ['Language of the letter', 'Lingua della lettera'],
  'letters.format': ['Format', 'Formato'],
  'letters.format.txt': ['Plain text', 'Testo semplice'],
  'letters.format.md': ['Markdown', 'Markdown'],
  'letters.format.html': ['Web page (HTML)', 'Pagina web (HTML)'],
  'letters.preview': ['Preview of the letter', 'Anteprima della lettera'],
  'letters.copy': ['Copy', 'Copia'],
  'letters.copied': ['Copied to the clipboard.', 'Copiata negli appunti.'],
  'letters.copy_failed': [
    'The browser did not allow copying: select the text and copy it.',
    'Il browser non consente la copia: seleziona il testo e copialo.',
  ],
  'letters.download': ['Download', 'Scarica'],
  'letters.nothing': ['No letter of this kind: {0}', 'Nessuna lettera di questo tipo: {0}'],
} as const satisfies Record<string, readonly [string, string]>;
