// The words of generated records: project names, request summaries and work notes, in
// Italian for Italian clients and in English for the others, as a freelancer writes them
// in a time tracker. Included only by synthetic_client.cc.
#pragma once

#include <cstddef>

namespace addio::gen {

struct Phrases {
  const char* const* projects;
  int project_count;
  const char* const* in_scope;
  int in_scope_count;
  const char* const* extras;
  int extras_count;
  const char* const* rush;
  int rush_count;
  const char* const* notes;
  int note_count;
};

inline constexpr const char* kItProjects[] = {
    "Sito web",          "Negozio online", "Restyling del sito", "App di prenotazione",
    "Manutenzione sito", "Landing page",   "Newsletter",         "Area riservata",
    "Catalogo online",   "Blog aziendale", "Sito multilingua",   "Configuratore prodotti"};
inline constexpr const char* kItInScope[] = {
    "Pagina contatti con modulo",  "Integrazione pagamenti",
    "Nuova sezione prodotti",      "Migrazione dei contenuti",
    "Ottimizzazione SEO di base",  "Modello newsletter",
    "Correzioni dopo il collaudo", "Versione mobile",
    "Aggiornamento del catalogo",  "Pagina chi siamo"};
inline constexpr const char* kItExtras[] = {
    "Aggiungere un blog",          "Tradurre il sito in inglese",   "Un nuovo logo",
    "Banner per i social",         "Un'altra landing page",         "Piccola modifica al menu",
    "Collegamento al gestionale",  "Esportare gli ordini in Excel", "Cambiare i colori del sito",
    "Chat di assistenza sul sito", "Galleria fotografica in più",   "Sezione offerte di lavoro"};
inline constexpr const char* kItRush[] = {
    "Urgente: il sito non si apre",           "Serve per domani mattina: la presentazione",
    "Cambiare i prezzi prima della campagna", "Il modulo contatti non invia le email",
    "Pubblicare la promo entro stasera",      "Sistemare il banner prima della fiera"};
inline constexpr const char* kItNotes[] = {
    "Sviluppo",     "Grafica",         "Riunione di avanzamento",
    "Correzioni",   "Test e collaudo", "Contenuti",
    "Manutenzione", "Analisi"};

inline constexpr const char* kEnProjects[] = {
    "Website",           "Online shop",  "Website redesign",  "Booking app",
    "Site maintenance",  "Landing page", "Newsletter",        "Customer portal",
    "Product catalogue", "Company blog", "Multilingual site", "Product configurator"};
inline constexpr const char* kEnInScope[] = {"Contact page with form",
                                             "Payment integration",
                                             "New products section",
                                             "Content migration",
                                             "Basic SEO",
                                             "Newsletter template",
                                             "Fixes after acceptance testing",
                                             "Mobile layout",
                                             "Catalogue update",
                                             "About us page"};
inline constexpr const char* kEnExtras[] = {"Add a blog",
                                            "Translate the site into German",
                                            "A new logo",
                                            "Social media banners",
                                            "One more landing page",
                                            "Small change to the menu",
                                            "Connect the ERP",
                                            "Export orders to Excel",
                                            "Change the site colours",
                                            "Support chat on the site",
                                            "Extra photo gallery",
                                            "Careers section"};
inline constexpr const char* kEnRush[] = {
    "Urgent: the site is down",          "Needed by tomorrow morning: the pitch deck",
    "Change prices before the campaign", "The contact form sends no email",
    "Publish the promo tonight",         "Fix the banner before the trade fair"};
inline constexpr const char* kEnNotes[] = {"Development", "Design",  "Progress meeting",
                                           "Fixes",       "Testing", "Content",
                                           "Maintenance", "Analysis"};

template <typename T, size_t N>
constexpr int Count(const T (&)[N]) {
  return static_cast<int>(N);
}

inline constexpr Phrases kItalianPhrases = {
    kItProjects, Count(kItProjects), kItInScope, Count(kItInScope), kItExtras, Count(kItExtras),
    kItRush,     Count(kItRush),     kItNotes,   Count(kItNotes)};
inline constexpr Phrases kEnglishPhrases = {
    kEnProjects, Count(kEnProjects), kEnInScope, Count(kEnInScope), kEnExtras, Count(kEnExtras),
    kEnRush,     Count(kEnRush),     kEnNotes,   Count(kEnNotes)};

}  // namespace addio::gen
