// Every word the dashboard itself shows, in English and Italian. Sentences that come from the
// server (reasons, actions, evidence notes, help texts) are asked for in the chosen language
// through the API's `lang` parameter; the words here follow src/report/i18n.cc so the
// dashboard, the CLI and the reports name things the same way.

import type { Lang, Severity, SignKey, Verdict } from './api';
import { METRIC_LABELS } from './i18n_metrics';
import { SCREEN_CATALOGUE } from './i18n_screen';

// One entry per line: key → [English, Italian]. {0}, {1}, ... are arguments.
const CATALOGUE = {
  ...SCREEN_CATALOGUE,
  // Shell.
  'app.title': ['addio — which clients to keep', 'addio — quali clienti tenere'],
  'app.tagline': [
    'Which clients to keep, renegotiate or leave, and why',
    'Quali clienti tenere, con chi rinegoziare, chi lasciare, e perché',
  ],
  'app.skip': ['Skip to content', 'Vai al contenuto'],
  'nav.label': ['Sections', 'Sezioni'],
  'nav.portfolio': ['Portfolio', 'Portafoglio'],
  'nav.receivables': ['Receivables', 'Crediti'],
  'nav.import': ['Import', 'Importa'],
  'nav.settings': ['Settings', 'Impostazioni'],
  'lang.label': ['Language', 'Lingua'],
  'lang.en': ['English', 'English'],
  'lang.it': ['Italiano', 'Italiano'],
  'asof.label': ['As of', 'Alla data'],
  'asof.today': ['Today', 'Oggi'],
  'state.loading': ['Loading…', 'Caricamento…'],
  'state.error': ['Something went wrong: {0}', 'Qualcosa non ha funzionato: {0}'],
  'state.retry': ['Try again', 'Riprova'],
  'state.not_found': ['Page not found.', 'Pagina non trovata.'],
  'state.back_portfolio': ['Back to the portfolio', 'Torna al portafoglio'],
  'state.empty_store': [
    'No clients yet. Import your records to start.',
    'Ancora nessun cliente. Importa le tue registrazioni per cominciare.',
  ],
  'common.none': ['—', '—'],
  'common.days': ['{0} days', '{0} giorni'],
  'common.day': ['1 day', '1 giorno'],
  'common.hours_value': ['{0} h', '{0} h'],
  'common.per_hour': ['{0}/h', '{0}/h'],
  'common.download_csv': ['Download CSV', 'Scarica CSV'],
  'common.total': ['Total', 'Totale'],
  'common.save': ['Save', 'Salva'],
  'common.saved': ['Saved.', 'Salvato.'],
  'common.reset': ['Default', 'Predefinito'],
  'common.cancel': ['Cancel', 'Annulla'],
  'common.show_all': ['Show all {0}', 'Mostra tutti e {0}'],
  'common.show_less': ['Show fewer', 'Mostra meno'],

  // Verdicts, levels, types.
  'verdict.keep': ['Keep', 'Mantenere'],
  'verdict.watch': ['Watch', "Tenere d'occhio"],
  'verdict.renegotiate': ['Renegotiate', 'Rinegoziare'],
  'verdict.part_ways': ['Part ways', 'Chiudere il rapporto'],
  'verdict.insufficient_data': ['Insufficient data', 'Dati insufficienti'],
  'level.green': ['green', 'verde'],
  'level.amber': ['amber', 'ambra'],
  'level.red': ['red', 'rosso'],
  'level.unknown': ['unknown', 'sconosciuto'],
  'archetype.partner': ['Reliable partner', 'Cliente affidabile'],
  'archetype.newcomer': ['Newcomer', 'Nuovo cliente'],
  'archetype.non_payer': ['Non-payer', 'Cattivo pagatore'],
  'archetype.contract_averse': ['Contract-averse', 'Allergico ai contratti'],
  'archetype.slow_payer': ['Slow payer', 'Pagatore ritardatario'],
  'archetype.bargain_hunter': ['Bargain hunter', 'Cacciatore di sconti'],
  'archetype.scope_creeper': ['Scope creeper', 'Chiede sempre di più'],
  'archetype.firefighter': ['Firefighter', 'Sempre in emergenza'],
  'archetype_hint.partner': [
    'Pays, signs and respects your time: keep the relationship warm.',
    'Paga, firma e rispetta il tuo tempo: cura il rapporto.',
  ],
  'archetype_hint.newcomer': [
    'Too few records to judge yet: agree the terms in writing from the start.',
    'Ancora troppo poche registrazioni per giudicare: metti i termini per iscritto fin da subito.',
  ],
  'archetype_hint.non_payer': [
    'Money first: no new work until what is owed is paid.',
    'Prima i soldi: nessun nuovo lavoro finché non salda il dovuto.',
  ],
  'archetype_hint.contract_averse': [
    'Put everything in writing, even a one-page statement of work.',
    'Metti tutto per iscritto, anche solo una pagina che descriva il lavoro.',
  ],
  'archetype_hint.slow_payer': [
    'Deposits, short terms and reminders before the due date.',
    'Acconti, termini brevi e solleciti prima della scadenza.',
  ],
  'archetype_hint.bargain_hunter': [
    'Talk about value and set a minimum fee; do not discount.',
    'Parla del valore e fissa un compenso minimo; niente sconti.',
  ],
  'archetype_hint.scope_creeper': [
    'Write the scope down and price every change.',
    'Definisci il perimetro per iscritto e dai un prezzo a ogni modifica.',
  ],
  'archetype_hint.firefighter': [
    'Set office hours and a rush fee; answer urgencies by appointment.',
    'Stabilisci orari di contatto e un sovrapprezzo per le urgenze.',
  ],

  // The six signs.
  'sign.no_contract': ['No contract', 'Niente contratto'],
  'sign.scope_creep': ['Scope creep', 'Richieste fuori accordo'],
  'sign.time_drain': ['Time drain', 'Tempo sottratto'],
  'sign.underpaying': ['Underpaying', 'Paga meno degli altri'],
  'sign.late_payment': ['Late payment', 'Pagamenti in ritardo'],
  'sign.non_payment': ['Non-payment', 'Mancati pagamenti'],
  'sign_short.no_contract': ['CTR', 'CONTR'],
  'sign_short.scope_creep': ['SCOPE', 'EXTRA'],
  'sign_short.time_drain': ['TIME', 'TEMPO'],
  'sign_short.underpaying': ['RATE', 'TARIF'],
  'sign_short.late_payment': ['LATE', 'RITAR'],
  'sign_short.non_payment': ['UNPD', 'INSOL'],
  'sign_question.no_contract': [
    'Does the client sign a contract?',
    'Il cliente firma un contratto?',
  ],
  'sign_question.scope_creep': [
    'Does the client ask for more than was agreed?',
    'Il cliente chiede più di quanto concordato?',
  ],
  'sign_question.time_drain': [
    'Does the client respect your time?',
    'Il cliente rispetta il tuo tempo?',
  ],
  'sign_question.underpaying': [
    'Does the client pay as well as the others?',
    'Il cliente paga quanto gli altri?',
  ],
  'sign_question.late_payment': ['Does the client pay on time?', 'Il cliente paga puntuale?'],
  'sign_question.non_payment': ['Does the client pay at all?', 'Il cliente paga davvero?'],

  // Portfolio.
  'portfolio.title': ['Portfolio', 'Portafoglio clienti'],
  'portfolio.summary': [
    '{0} clients, assessed as of {1} over the last {2} days; amounts in {3}.',
    '{0} clienti, valutati al {1} sugli ultimi {2} giorni; importi in {3}.',
  ],
  'portfolio.filter': ['Filter clients', 'Filtra i clienti'],
  'portfolio.filter_placeholder': ['Name or id', 'Nome o codice'],
  'portfolio.verdict_filter': ['Verdict', 'Verdetto'],
  'portfolio.sign_filter': ['Sign', 'Segnale'],
  'portfolio.all_verdicts': ['All verdicts', 'Tutti i verdetti'],
  'portfolio.all_signs': ['Any sign', 'Qualsiasi segnale'],
  'portfolio.shown': ['{0} of {1} clients shown', '{0} clienti mostrati su {1}'],
  'portfolio.none_match': [
    'No client matches the filters.',
    'Nessun cliente corrisponde ai filtri.',
  ],
  'portfolio.clients': ['Clients', 'Clienti'],
  'portfolio.table': [
    'Clients with their verdict, score, signs and economics',
    'Clienti con verdetto, punteggio, segnali e conti',
  ],
  'portfolio.sort_by': ['Sort by {0}', 'Ordina per {0}'],
  'portfolio.quadrant': ['Value against trouble', 'Valore e problemi a confronto'],
  'portfolio.quadrant_help': [
    'Right: more net value. Up: more trouble (100 − score). Click a dot to open the client.',
    'A destra: più valore netto. In alto: più problemi (100 − punteggio). Clicca un punto per aprire il cliente.',
  ],
  'portfolio.quadrant_aria': [
    'Scatter chart of {0} clients: net value on the horizontal axis, trouble on the vertical axis.',
    'Grafico a dispersione di {0} clienti: valore netto in orizzontale, problemi in verticale.',
  ],
  'portfolio.q_fix': ['Worth fixing', 'Da sistemare'],
  'portfolio.q_leave': ['Costly trouble', 'Problemi che costano'],
  'portfolio.q_core': ['Core clients', 'Clienti chiave'],
  'portfolio.q_small': ['Small and easy', 'Piccoli e tranquilli'],
  'portfolio.trouble': ['Trouble', 'Problemi'],
  'portfolio.totals': ['Totals', 'Totali'],

  // Column headers.
  'col.client': ['Client', 'Cliente'],
  'col.verdict': ['Verdict', 'Verdetto'],
  'col.score': ['Score', 'Punteggio'],
  'col.signs': ['Signs', 'Segnali'],
  'col.revenue': ['Revenue', 'Fatturato'],
  'col.hidden_cost': ['Hidden cost', 'Costi nascosti'],
  'col.net_value': ['Net value', 'Valore netto'],
  'col.type': ['Type', 'Tipo'],
  'col.record': ['Record', 'Documento'],
  'col.date': ['Date', 'Data'],
  'col.amount': ['Amount', 'Importo'],
  'col.value': ['Value', 'Valore'],
  'col.note': ['Note', 'Annotazione'],
  'col.invoice': ['Invoice', 'Fattura'],
  'col.issued': ['Issued', 'Emessa'],
  'col.due': ['Due', 'Scadenza'],
  'col.paid': ['Paid', 'Pagato'],
  'col.open': ['Open', 'Da incassare'],
  'col.days_past_due': ['Days past due', 'Giorni dalla scadenza'],
  'col.payment': ['Payment', 'Pagamento'],
  'col.applied': ['Applied to', 'Imputato a'],
  'col.unapplied': ['Not applied', 'Non imputato'],
  'col.added': ['New', 'Nuovi'],
  'col.updated': ['Changed', 'Modificati'],
  'col.unchanged': ['Unchanged', 'Invariati'],

  // Client page.
  'client.back': ['All clients', 'Tutti i clienti'],
  'client.assessed': [
    'assessed as of {0} over the last {1} days; amounts in {2}',
    'valutato al {0} sugli ultimi {1} giorni; importi in {2}',
  ],
  'client.score': ['Score {0} of 100', 'Punteggio {0} su 100'],
  'client.archetype': ['Client type', 'Tipo di cliente'],
  'client.actions': ['What to do', 'Cosa fare'],
  'client.no_actions': [
    'Nothing to do: keep working as you do.',
    'Niente da fare: continua a lavorare così.',
  ],
  'client.economics': ['Economics', 'Conti del cliente'],
  'client.economics_window': ['Last {0} days, in {1}', 'Ultimi {0} giorni, in {1}'],
  'client.signs': ['The six signs', 'I sei segnali'],
  'client.reasons': ['Why', 'Perché'],
  'client.metrics': ['Measures', 'Indicatori'],
  'client.thresholds': ['How far from the thresholds', 'Quanto manca alle soglie'],
  'client.evidence': ['Evidence ({0} records)', 'Riscontri ({0} registrazioni)'],
  'client.no_evidence': [
    'No records behind this sign.',
    'Nessuna registrazione dietro questo segnale.',
  ],
  'client.charts': ['Charts', 'Grafici'],
  'client.statement': ['Statement', 'Estratto conto'],
  'client.not_found': ['No client with id “{0}”.', 'Nessun cliente con codice «{0}».'],

  // Economics.
  'econ.revenue': ['Revenue', 'Fatturato'],
  'econ.hours': ['Hours', 'Ore'],
  'econ.effective_rate': ['Effective hourly rate', 'Tariffa oraria effettiva'],
  'econ.overdue_amount': ['Overdue and unpaid', 'Scaduto e non pagato'],
  'econ.late_cost': ['Cost of waiting for late payments', 'Costo dei pagamenti in ritardo'],
  'econ.underpay_gap': ['Below your usual rate', 'Sotto la tua tariffa abituale'],
  'econ.unbilled_extras': ['Unbilled extras', 'Extra non fatturati'],
  'econ.written_off': ['Written off', 'Crediti stralciati'],
  'econ.hidden_cost': ['Hidden cost', 'Costi nascosti'],
  'econ.net_value': ['Net value', 'Valore netto'],
  'econ.statutory_interest': ['Late interest you can claim', 'Interessi di mora richiedibili'],

  // Charts.
  'chart.late': ['Days late per invoice', 'Giorni di ritardo per fattura'],
  'chart.late_help': [
    'Each dot is an invoice by its due date; above the dashed line it was late. Hollow: still unpaid.',
    'Ogni punto è una fattura alla sua scadenza; sopra la linea tratteggiata era in ritardo. Vuoto: ancora da pagare.',
  ],
  'chart.late_aria': ['{0} invoices, {1} of them late.', '{0} fatture, di cui {1} in ritardo.'],
  'chart.late_series_paid': ['Paid', 'Pagata'],
  'chart.late_series_open': ['Unpaid', 'Da pagare'],
  'chart.grace': ['Grace: {0} days', 'Tolleranza: {0} giorni'],
  'chart.days_late': ['Days late', 'Giorni di ritardo'],
  'chart.no_invoices': ['No invoice due yet.', 'Ancora nessuna fattura scaduta.'],
  'chart.contacts': [
    'Inbound contacts by weekday and hour',
    'Contatti in entrata per giorno e ora',
  ],
  'chart.contacts_help': [
    'Outlined: your working hours ({0}). {1} of {2} contacts came outside them.',
    'Riquadrati: i tuoi orari di lavoro ({0}). {1} contatti su {2} sono arrivati fuori orario.',
  ],
  'chart.contacts_aria': [
    'Heat map of {0} inbound contacts by weekday and hour; {1} after hours.',
    'Mappa di calore di {0} contatti in entrata per giorno e ora; {1} fuori orario.',
  ],
  'chart.no_contacts': [
    'No inbound contacts in the window.',
    'Nessun contatto in entrata nel periodo.',
  ],
  'chart.contacts_count': ['{0} contacts', '{0} contatti'],
  'chart.working_hours': ['Working hours', 'Orario di lavoro'],
  'chart.rate': [
    'Effective hourly rate against the portfolio',
    'Tariffa oraria effettiva rispetto al portafoglio',
  ],
  'chart.rate_help': [
    'This client is highlighted; the line is the reference rate the underpaying sign compares with.',
    'Il cliente è evidenziato; la linea è la tariffa di riferimento usata dal segnale sulla paga.',
  ],
  'chart.rate_aria': [
    'Bar chart of the effective hourly rate of {0} clients.',
    'Grafico a barre della tariffa oraria effettiva di {0} clienti.',
  ],
  'chart.rate_figures': [
    'This client {0} · reference {1} · your target {2} (dotted line)',
    'Questo cliente {0} · riferimento {1} · il tuo obiettivo {2} (linea punteggiata)',
  ],
  'chart.reference': ['Reference {0}', 'Riferimento {0}'],
  'chart.no_rate': [
    'Too few hours to know the rate.',
    'Troppe poche ore per conoscere la tariffa.',
  ],
  'chart.burnup': ['Scope burn-up per project', 'Avanzamento delle ore per progetto'],
  'chart.burnup_help': [
    'Cumulative hours worked against the agreed hours (dashed); the red area is unpaid extras.',
    'Ore lavorate cumulate rispetto alle ore concordate (tratteggio); l’area rossa sono gli extra non pagati.',
  ],
  'chart.burnup_aria': [
    'Line chart of hours worked on {0}: {1} of {2} agreed.',
    'Grafico a linee delle ore lavorate su {0}: {1} su {2} concordate.',
  ],
  'chart.worked': ['Worked', 'Lavorate'],
  'chart.extra': ['Unpaid extras', 'Extra non pagati'],
  'chart.agreed': ['Agreed {0} h', 'Concordate {0} h'],
  'chart.no_agreed': ['no agreed hours', 'nessuna ora concordata'],
  'chart.no_projects': [
    'No project work in the records.',
    'Nessun lavoro su progetti nelle registrazioni.',
  ],
  'chart.pricing.fixed': ['fixed fee', 'a corpo'],
  'chart.pricing.hourly': ['hourly', 'a ore'],
  'chart.pricing.retainer': ['retainer', 'canone'],
  'chart.history': ['Score month by month', 'Punteggio mese per mese'],
  'chart.history_help': [
    'The score at each month end, coloured by the verdict of that day.',
    'Il punteggio a fine mese, colorato secondo il verdetto di quel giorno.',
  ],
  'chart.history_aria': [
    'Line chart of the score over {0} months, from {1} to {2}.',
    'Grafico a linee del punteggio in {0} mesi, da {1} a {2}.',
  ],
  'chart.no_history': ['No history yet.', 'Ancora nessuno storico.'],

  // Weekdays.
  'day.mon': ['Monday', 'Lunedì'],
  'day.tue': ['Tuesday', 'Martedì'],
  'day.wed': ['Wednesday', 'Mercoledì'],
  'day.thu': ['Thursday', 'Giovedì'],
  'day.fri': ['Friday', 'Venerdì'],
  'day.sat': ['Saturday', 'Sabato'],
  'day.sun': ['Sunday', 'Domenica'],
  'day_short.mon': ['Mon', 'Lun'],
  'day_short.tue': ['Tue', 'Mar'],
  'day_short.wed': ['Wed', 'Mer'],
  'day_short.thu': ['Thu', 'Gio'],
  'day_short.fri': ['Fri', 'Ven'],
  'day_short.sat': ['Sat', 'Sab'],
  'day_short.sun': ['Sun', 'Dom'],

  // Receivables.
  'recv.title': ['Receivables', 'Crediti verso clienti'],
  'recv.aging': ['Aging by client', 'Anzianità dei crediti per cliente'],
  'recv.aging_help': [
    'What is still to be collected, by days past the due date, as of {0}.',
    'Quanto resta da incassare, per giorni dalla scadenza, al {0}.',
  ],
  'recv.bucket.current': ['Not yet due', 'Non scaduto'],
  'recv.bucket.1_30': ['1–30 days', '1–30 giorni'],
  'recv.bucket.31_60': ['31–60 days', '31–60 giorni'],
  'recv.bucket.61_90': ['61–90 days', '61–90 giorni'],
  'recv.bucket.over_90': ['Over 90 days', 'Oltre 90 giorni'],
  'recv.written_off': ['Written off', 'Stralciato'],
  'recv.nothing_open': [
    'Nothing to collect: every invoice is paid.',
    'Niente da incassare: tutte le fatture sono pagate.',
  ],
  'recv.payers': ['How each client pays', 'Come paga ogni cliente'],
  'recv.usually_pays': ['Usually pays in', 'Di solito paga in'],
  'recv.average_delay': ['Average delay', 'Ritardo medio'],
  'recv.dso': ['DSO', 'DSO'],
  'recv.dso_long': ['Days sales outstanding', 'Giorni medi di incasso'],
  'recv.last_payment': ['Last payment', 'Ultimo pagamento'],
  'recv.overdue': ['Overdue', 'Scaduto'],
  'recv.statement': ['Statement', 'Estratto conto'],
  'recv.statement_for': ['Statement of', 'Estratto conto di'],
  'recv.choose_client': ['Choose a client', 'Scegli un cliente'],
  'recv.open_items': ['Open invoices', 'Fatture aperte'],
  'recv.no_open_items': ['No open invoices.', 'Nessuna fattura aperta.'],
  'recv.payments': ['Payments received', 'Pagamenti ricevuti'],
  'recv.no_payments': ['No payments.', 'Nessun pagamento.'],
  'recv.total_open': ['Total open', 'Totale da incassare'],
  'recv.credit': ['Credit', 'Credito del cliente'],
  'recv.balance': ['Balance owed', 'Saldo dovuto'],
  'recv.open_statement': ['Statement', 'Estratto conto'],

  // Import.
  'import.title': ['Import records', 'Importa registrazioni'],
  'import.help': [
    'Choose a file: an addio ledger (JSON or CSV), an invoicing export, a bank statement, a calendar or a mailbox. Nothing is written until you confirm.',
    'Scegli un file: un registro addio (JSON o CSV), un export del gestionale di fatturazione, un estratto conto bancario, un calendario o una casella di posta. Nulla viene scritto finché non confermi.',
  ],
  'import.file': ['File', 'File'],
  'import.format': ['Format', 'Formato'],
  'import.auto': ['Detect from the file', 'Riconosci dal file'],
  'import.preview': ['Preview', 'Anteprima'],
  'import.previewing': ['Reading the file…', 'Lettura del file…'],
  'import.confirm': ['Confirm the import', "Conferma l'importazione"],
  'import.importing': ['Importing…', 'Importazione in corso…'],
  'import.dry_run_title': ['Preview of {0} ({1})', 'Anteprima di {0} ({1})'],
  'import.done_title': ['Imported {0} ({1})', 'Importato {0} ({1})'],
  'import.not_written': ['Nothing has been written yet.', 'Non è stato ancora scritto nulla.'],
  'import.written': ['The records are saved.', 'Le registrazioni sono state salvate.'],
  'import.rejected': [
    'The file has errors: nothing can be imported until they are fixed.',
    'Il file contiene errori: non si può importare nulla finché non vengono corretti.',
  ],
  'import.counts': ['Records', 'Registrazioni'],
  'import.totals': [
    '{0} new, {1} changed, {2} unchanged',
    '{0} nuove, {1} modificate, {2} invariate',
  ],
  'import.rows': ['First rows of the file', 'Prime righe del file'],
  'import.problems': ['Problems ({0} errors, {1} warnings)', 'Problemi ({0} errori, {1} avvisi)'],
  'import.no_problems': ['No problems found.', 'Nessun problema trovato.'],
  'import.review': ['To look at', 'Da controllare'],
  'import.unmatched': [
    'Bank credits matched to no invoice',
    'Accrediti bancari non abbinati ad alcuna fattura',
  ],
  'import.payer': ['Payer', 'Ordinante'],
  'import.reference': ['Reference', 'Causale'],
  'import.see_portfolio': ['See the portfolio', 'Vai al portafoglio'],
  'import.again': ['Import another file', 'Importa un altro file'],
  'import.choose_first': ['Choose a file first.', 'Scegli prima un file.'],
  'import.error': ['error', 'errore'],
  'import.warning': ['warning', 'avviso'],
  'record_type.workspace': ['Workspace', 'Impostazioni dello studio'],
  'record_type.client': ['Clients', 'Clienti'],
  'record_type.contract': ['Contracts', 'Contratti'],
  'record_type.project': ['Projects', 'Progetti'],
  'record_type.request': ['Requests', 'Richieste'],
  'record_type.work': ['Work entries', 'Registrazioni di lavoro'],
  'record_type.contact': ['Contacts', 'Contatti'],
  'record_type.invoice': ['Invoices', 'Fatture'],
  'record_type.payment': ['Payments', 'Pagamenti'],
  'record_type.rate_change': ['Rate changes', 'Variazioni di tariffa'],

  // Evidence record types (singular).
  'record.invoice': ['Invoice', 'Fattura'],
  'record.payment': ['Payment', 'Pagamento'],
  'record.work': ['Work', 'Lavoro'],
  'record.contact': ['Contact', 'Contatto'],
  'record.request': ['Request', 'Richiesta'],
  'record.contract': ['Contract', 'Contratto'],
  'record.project': ['Project', 'Progetto'],
  'record.rate_change': ['Rate change', 'Variazione di tariffa'],
  'record.client': ['Client', 'Cliente'],

  // Settings.
  'settings.title': ['Settings', 'Impostazioni'],
  'settings.workspace': ['Your business', 'La tua attività'],
  'settings.name': ['Business name', "Nome dell'attività"],
  'settings.currency': ['Currency', 'Valuta'],
  'settings.timezone': ['Time zone', 'Fuso orario'],
  'settings.target_rate': ['Target hourly rate', 'Tariffa oraria obiettivo'],
  'settings.target_rate_help': [
    'Used as the reference when fewer than two other clients have a known rate.',
    'Usata come riferimento quando meno di due altri clienti hanno una tariffa nota.',
  ],
  'settings.working_hours': ['Working hours', 'Orario di lavoro'],
  'settings.working_hours_help': [
    'Intervals such as 09:00-13:00, 14:00-18:00; leave empty for a day off.',
    'Intervalli come 09:00-13:00, 14:00-18:00; lascia vuoto per un giorno libero.',
  ],
  'settings.day_off': ['Day off', 'Giorno libero'],
  'settings.holidays': ['Holidays', 'Festività'],
  'settings.holidays_help': [
    'One date per line, YYYY-MM-DD.',
    'Una data per riga, nel formato AAAA-MM-GG.',
  ],
  'settings.bad_interval': [
    '“{0}” is not an interval like 09:00-13:00.',
    '«{0}» non è un intervallo come 09:00-13:00.',
  ],
  'settings.bad_date': [
    '“{0}” is not a date like 2026-12-25.',
    '«{0}» non è una data come 2026-12-25.',
  ],
  'settings.bad_money': [
    '“{0}” is not an amount like 60.00.',
    '«{0}» non è un importo come 60.00.',
  ],
  'settings.thresholds': ['Thresholds', 'Soglie'],
  'settings.thresholds_help': [
    'Each sign turns amber or red when a measure crosses these values. Changed values are marked.',
    'Ogni segnale diventa ambra o rosso quando un indicatore supera questi valori. I valori modificati sono evidenziati.',
  ],
  'settings.overridden': ['changed', 'modificato'],
  'settings.range': ['from {0} to {1}', 'da {0} a {1}'],
  'settings.nothing_changed': ['Nothing to save.', 'Niente da salvare.'],
  'settings.group.general': ['General', 'Generali'],
  'settings.group.late_interest': ['Late interest', 'Interessi di mora'],
} as const satisfies Record<string, readonly [string, string]>;

export type Key = keyof typeof CATALOGUE;

let current: Lang = 'en';

export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
  document.title = t('app.title');
}

export function getLang(): Lang {
  return current;
}

// The BCP 47 locale used for numbers and dates.
export function locale(): string {
  return current === 'it' ? 'it-IT' : 'en-GB';
}

export function has(key: string): key is Key {
  return Object.prototype.hasOwnProperty.call(CATALOGUE, key);
}

// The text of `key` in the current language with {0}, {1}, ... replaced by `args`.
export function t(key: Key, ...args: (string | number)[]): string {
  const pattern = CATALOGUE[key][current === 'it' ? 1 : 0];
  return pattern.replace(/\{(\d)\}/g, (_, n: string) => String(args[Number(n)] ?? ''));
}

// A key built at run time (sign.<key>, verdict.<key>, ...); falls back to the readable
// last part of the key so an unexpected value from the server still shows something.
export function tk(key: string, ...args: (string | number)[]): string {
  if (has(key)) return t(key, ...args);
  const tail = key.slice(key.lastIndexOf('.') + 1);
  return tail.replace(/_/g, ' ');
}

export const signTitle = (sign: SignKey): string => tk(`sign.${sign}`);
export const signShort = (sign: SignKey): string => tk(`sign_short.${sign}`);
export const verdictName = (verdict: Verdict): string => tk(`verdict.${verdict}`);
export const levelName = (level: Severity): string => tk(`level.${level}`);
export const archetypeName = (archetype: string): string => tk(`archetype.${archetype}`);

// The readable name of a metric of a sign (the same words as src/report/i18n.cc).
export function metricLabel(metric: string): string {
  const entry = METRIC_LABELS[metric];
  if (entry) return entry[current === 'it' ? 1 : 0];
  return metric.replace(/_/g, ' ');
}
