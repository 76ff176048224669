#include "gen/names.h"

namespace addio::gen {
namespace {

constexpr const char* kItalianSurnames[] = {
    "Rossi",    "Russo",     "Ferrari",    "Esposito", "Bianchi",    "Romano",    "Colombo",
    "Ricci",    "Marino",    "Greco",      "Bruno",    "Gallo",      "Conti",     "De Luca",
    "Mancini",  "Costa",     "Giordano",   "Rizzo",    "Lombardi",   "Moretti",   "Barbieri",
    "Fontana",  "Santoro",   "Mariani",    "Rinaldi",  "Caruso",     "Ferrara",   "Galli",
    "Martini",  "Leone",     "Longo",      "Gentile",  "Martinelli", "Vitale",    "Serra",
    "Coppola",  "De Santis", "Marchetti",  "Parisi",   "Villa",      "Conte",     "Ferraro",
    "Ferri",    "Fabbri",    "Bianco",     "Marini",   "Grasso",     "Valentini", "Messina",
    "Sala",     "Gatti",     "Pellegrini", "Palumbo",  "Sanna",      "Farina",    "Monti",
    "Cattaneo", "Morelli",   "Amato",      "Silvestri"};
constexpr const char* kItalianFirstNames[] = {
    "Marco", "Giulia",  "Luca",    "Francesca", "Alessandro", "Chiara",  "Andrea",
    "Sara",  "Matteo",  "Elena",   "Davide",    "Valentina",  "Stefano", "Federica",
    "Paolo", "Martina", "Giorgio", "Silvia",    "Roberto",    "Laura",   "Simone",
    "Anna",  "Lorenzo", "Marta",   "Nicola",    "Alessia",    "Fabio",   "Irene"};
constexpr const char* kItalianTrades[] = {
    "Costruzioni", "Arredamenti",  "Impianti",   "Trasporti",   "Immobiliare", "Edilizia",
    "Serramenti",  "Ristorazione", "Viaggi",     "Elettronica", "Meccanica",   "Tessuti",
    "Vini",        "Logistica",    "Consulting", "Ceramiche",   "Alimentari",  "Illuminazione"};
constexpr const char* kItalianShops[] = {"Ottica",   "Farmacia",   "Pasticceria", "Libreria",
                                         "Enoteca",  "Gelateria",  "Agriturismo", "Hotel",
                                         "Palestra", "Autofficina"};
constexpr const char* kItalianBrands[] = {
    "Nuvola",       "Aurora",  "Fenice",       "Levante",   "Girasole", "Tramontana",
    "Orizzonte",    "Mosaico", "Terra Viva",   "Maestrale", "Scirocco", "Lanterna",
    "Quadrifoglio", "Zefiro",  "Borgo Antico", "Vela",      "Ginestra", "Corallo"};
constexpr const char* kItalianSuffixes[] = {"Tech",  "Lab",    "Digital", "Design",
                                            "Group", "Italia", "Studio",  "Food"};
constexpr const char* kItalianForms[] = {"S.r.l.",   "S.r.l.", "S.r.l.", "S.r.l.",
                                         "S.r.l.s.", "S.n.c.", "S.a.s.", "S.p.A."};

constexpr const char* kGermanSurnames[] = {
    "Müller",   "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",  "Becker",
    "Hoffmann", "Schulz",  "Koch",      "Richter", "Klein", "Wolf",  "Hofmann", "Braun"};
constexpr const char* kGermanTrades[] = {"Logistik", "Medien", "Bau",         "Software",
                                         "Beratung", "Design", "Technik",     "Immobilien",
                                         "Reisen",   "Druck",  "Maschinenbau"};
constexpr const char* kGermanForms[] = {"GmbH", "GmbH", "GmbH", "KG", "AG", "& Partner GmbH"};

constexpr const char* kFrenchSurnames[] = {"Martin",  "Bernard", "Dubois",   "Thomas", "Robert",
                                           "Richard", "Petit",   "Durand",   "Leroy",  "Moreau",
                                           "Simon",   "Laurent", "Lefebvre", "Michel", "Garnier"};
constexpr const char* kFrenchTrades[] = {"Conseil",  "Immobilier", "Design", "Voyages",
                                         "Bâtiment", "Éditions",   "Studio", "Cosmétiques"};
constexpr const char* kFrenchForms[] = {"SARL", "SARL", "SAS", "SAS", "SA"};

constexpr const char* kUsBrands[] = {
    "Brightline", "Northwind",  "Bluepeak",   "Cedar",     "Summit",    "Harbor",  "Redwood",
    "Lakeside",   "Ironbridge", "Silverline", "Evergreen", "Tidewater", "Granite", "Copperleaf"};
constexpr const char* kUsTrades[] = {"Labs",     "Media",    "Analytics", "Health",     "Software",
                                     "Ventures", "Partners", "Studios",   "Outfitters", "Realty"};
constexpr const char* kUsForms[] = {"Inc.", "Inc.", "LLC", "LLC", "Corp."};

constexpr const char* kBritishSurnames[] = {"Harper", "Cole",   "Bennett",  "Hughes",  "Clarke",
                                            "Turner", "Walsh",  "Fletcher", "Hayes",   "Price",
                                            "Ellis",  "Barker", "Finch",    "Holloway"};
constexpr const char* kBritishTrades[] = {"Consulting", "Digital",    "Interiors", "Publishing",
                                          "Trading",    "Properties", "Events",    "Architects"};
constexpr const char* kBritishFirstNames[] = {"Oliver", "Amelia", "James",  "Emily",
                                              "Harry",  "Sophie", "George", "Olivia"};

constexpr const char* kSwissSurnames[] = {"Keller", "Meier",   "Brunner", "Baumann",    "Frei",
                                          "Gerber", "Steiner", "Moser",   "Zimmermann", "Huber"};
constexpr const char* kSwissTrades[] = {"Treuhand",    "Uhren",  "Consulting", "Immobilien",
                                        "Architektur", "Pharma", "Reisen"};
constexpr const char* kSwissForms[] = {"AG", "AG", "GmbH", "SA"};

constexpr const char* kGermanFirstNames[] = {"Lukas", "Anna", "Jonas", "Lea", "Felix", "Laura"};
constexpr const char* kFrenchFirstNames[] = {"Camille", "Louis", "Chloé",
                                             "Hugo",    "Manon", "Julien"};
constexpr const char* kUsFirstNames[] = {"Emma", "Liam", "Ava", "Noah", "Mia", "Ethan"};
constexpr const char* kMailProviders[] = {"gmail.com", "outlook.com", "libero.it", "icloud.com"};

std::string Digits(Rng& rng, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out.push_back(static_cast<char>('0' + rng.Between(0, 9)));
  return out;
}

Identity Company(std::string name, std::string domain_base, const char* tld, const char* mailbox,
                 std::string tax_id) {
  Identity id;
  id.name = std::move(name);
  id.kind = ClientKind::kCompany;
  id.tax_id = std::move(tax_id);
  id.domain = Slug(domain_base) + tld;
  id.email = std::string(mailbox) + "@" + id.domain;
  return id;
}

Identity Person(const char* first, const char* last, Rng& rng, std::string tax_id) {
  Identity id;
  id.name = std::string(first) + " " + last;
  id.kind = ClientKind::kIndividual;
  id.tax_id = std::move(tax_id);
  id.email = Slug(first) + "." + Slug(last) + "@" + rng.Pick(kMailProviders);
  return id;
}

Identity Italian(Rng& rng, bool individual) {
  if (individual) {
    return Person(rng.Pick(kItalianFirstNames), rng.Pick(kItalianSurnames), rng,
                  ItalianVatNumber(rng));
  }
  const std::string surname = rng.Pick(kItalianSurnames);
  const std::string form = rng.Pick(kItalianForms);
  const char* mailbox = rng.Chance(500) ? "amministrazione" : "info";
  switch (rng.Between(0, 5)) {
    case 0:
    case 1: {
      const std::string trade = rng.Pick(kItalianTrades);
      return Company(surname + " " + trade + " " + form, surname + trade, ".it", mailbox,
                     ItalianVatNumber(rng));
    }
    case 2: {
      const std::string shop = rng.Pick(kItalianShops);
      return Company(shop + " " + surname + (rng.Chance(500) ? " S.n.c." : " S.r.l."),
                     shop + surname, ".it", mailbox, ItalianVatNumber(rng));
    }
    case 3:
      return Company(surname + " & Figli " + form, surname + "efigli", ".it", mailbox,
                     ItalianVatNumber(rng));
    case 4:
      return Company("Studio " + surname + " & Associati", "studio" + surname, ".it", "segreteria",
                     ItalianVatNumber(rng));
    default: {
      const std::string brand = rng.Pick(kItalianBrands);
      const std::string suffix = rng.Pick(kItalianSuffixes);
      return Company(brand + " " + suffix + " " + form, brand + suffix, ".it", mailbox,
                     ItalianVatNumber(rng));
    }
  }
}

Identity German(Rng& rng, bool individual) {
  const std::string tax_id = "DE" + Digits(rng, 9);
  if (individual)
    return Person(rng.Pick(kGermanFirstNames), rng.Pick(kGermanSurnames), rng, tax_id);
  const std::string surname = rng.Pick(kGermanSurnames);
  const std::string trade = rng.Pick(kGermanTrades);
  return Company(surname + " " + trade + " " + rng.Pick(kGermanForms), surname + trade, ".de",
                 "buchhaltung", tax_id);
}

Identity French(Rng& rng, bool individual) {
  // TVA intracommunautaire: "FR", a two-digit key, the nine-digit SIREN.
  const std::string siren = Digits(rng, 9);
  const int key = (12 + 3 * (std::stoi(siren) % 97)) % 97;
  const char key_text[] = {static_cast<char>('0' + key / 10), static_cast<char>('0' + key % 10),
                           '\0'};
  const std::string tax_id = std::string("FR") + key_text + siren;
  if (individual)
    return Person(rng.Pick(kFrenchFirstNames), rng.Pick(kFrenchSurnames), rng, tax_id);
  const std::string surname = rng.Pick(kFrenchSurnames);
  const std::string trade = rng.Pick(kFrenchTrades);
  return Company(surname + " " + trade + " " + rng.Pick(kFrenchForms), surname + trade, ".fr",
                 "compta", tax_id);
}

Identity American(Rng& rng, bool individual) {
  if (individual) return Person(rng.Pick(kUsFirstNames), rng.Pick(kBritishSurnames), rng, "");
  const std::string brand = rng.Pick(kUsBrands);
  const std::string trade = rng.Pick(kUsTrades);
  return Company(brand + " " + trade + " " + rng.Pick(kUsForms), brand + trade, ".com", "accounts",
                 "");
}

Identity British(Rng& rng, bool individual) {
  const std::string tax_id = "GB" + Digits(rng, 9);
  if (individual) {
    return Person(rng.Pick(kBritishFirstNames), rng.Pick(kBritishSurnames), rng, tax_id);
  }
  const std::string first = rng.Pick(kBritishSurnames);
  if (rng.Chance(500)) {
    const std::string second = rng.Pick(kBritishSurnames);
    if (second != first) {
      return Company(first + " & " + second + " Ltd", first + second, ".co.uk", "accounts", tax_id);
    }
  }
  const std::string trade = rng.Pick(kBritishTrades);
  return Company(first + " " + trade + (rng.Chance(800) ? " Ltd" : " LLP"), first + trade, ".co.uk",
                 "accounts", tax_id);
}

Identity Swiss(Rng& rng, bool individual) {
  const std::string tax_id = "CHE" + Digits(rng, 9);
  if (individual) return Person(rng.Pick(kGermanFirstNames), rng.Pick(kSwissSurnames), rng, tax_id);
  const std::string surname = rng.Pick(kSwissSurnames);
  const std::string trade = rng.Pick(kSwissTrades);
  return Company(surname + " " + trade + " " + rng.Pick(kSwissForms), surname + trade, ".ch",
                 "info", tax_id);
}

}  // namespace

const char* CountryCode(Country country) {
  switch (country) {
    case Country::kItaly:
      return "IT";
    case Country::kGermany:
      return "DE";
    case Country::kFrance:
      return "FR";
    case Country::kUnitedStates:
      return "US";
    case Country::kUnitedKingdom:
      return "GB";
    case Country::kSwitzerland:
      return "CH";
  }
  return "";
}

Identity MakeIdentity(Rng& rng, Country country, bool individual) {
  switch (country) {
    case Country::kItaly:
      return Italian(rng, individual);
    case Country::kGermany:
      return German(rng, individual);
    case Country::kFrance:
      return French(rng, individual);
    case Country::kUnitedStates:
      return American(rng, individual);
    case Country::kUnitedKingdom:
      return British(rng, individual);
    case Country::kSwitzerland:
      return Swiss(rng, individual);
  }
  return {};
}

std::string ItalianVatNumber(Rng& rng) {
  // Seven digits of company number, then a three-digit provincial office code.
  std::string digits = Digits(rng, 7);
  const int office = rng.Between(1, 100);
  digits += {static_cast<char>('0' + office / 100), static_cast<char>('0' + office / 10 % 10),
             static_cast<char>('0' + office % 10)};
  return ItalianVatNumber(digits);
}

std::string ItalianVatNumber(std::string_view first_ten) {
  // The eleventh digit is the Luhn check digit over the first ten.
  int sum = 0;
  for (size_t i = 0; i < first_ten.size(); ++i) {
    int d = first_ten[i] - '0';
    if (i % 2 == 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return "IT" + std::string(first_ten) + static_cast<char>('0' + (10 - sum % 10) % 10);
}

std::string Slug(std::string_view text) {
  // Two-byte UTF-8 letters of the name pools, folded to their base letter.
  static constexpr struct {
    const char* utf8;
    char ascii;
  } kFolds[] = {{"ä", 'a'}, {"à", 'a'}, {"â", 'a'}, {"é", 'e'}, {"è", 'e'},
                {"ê", 'e'}, {"É", 'e'}, {"ì", 'i'}, {"ö", 'o'}, {"ò", 'o'},
                {"ô", 'o'}, {"ü", 'u'}, {"ù", 'u'}, {"ç", 'c'}, {"ß", 's'}};
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= 'a' && c <= 'z') {
      out.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c >= '0' && c <= '9') {
      out.push_back(c);
    } else if (static_cast<unsigned char>(c) >= 0x80 && i + 1 < text.size()) {
      for (const auto& fold : kFolds) {
        if (text.compare(i, 2, fold.utf8) == 0) {
          out.push_back(fold.ascii);
          break;
        }
      }
      ++i;
    }
  }
  return out;
}

}  // namespace addio::gen
