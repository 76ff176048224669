#include "ingest/client_resolver.h"

#include <gtest/gtest.h>

#include <string>

#include "timesheet_test_util.h"

namespace addio {
namespace {

using testing::TempDir;

Client AClient(const std::string& id, const std::string& name) {
  Client client;
  client.id = id;
  client.name = name;
  return client;
}

TEST(NormalizeClientNameTest, IgnoresCaseAccentsPunctuationAndLegalForms) {
  EXPECT_EQ(NormalizeClientName("ACME srl"), "acme");
  EXPECT_EQ(NormalizeClientName("Acme S.R.L."), "acme");
  EXPECT_EQ(NormalizeClientName("Acme S. r. l."), "acme");
  EXPECT_EQ(NormalizeClientName("  Café   Rossi & Figli S.p.A. "), "cafe rossi and figli");
  EXPECT_EQ(NormalizeClientName("Widgets Co., Ltd."), "widgets");
  EXPECT_EQ(NormalizeClientName("Müller GmbH"), "muller");
  EXPECT_EQ(NormalizeClientName("Big Company"), "big company");
  // A name that is only a legal form keeps it: it still needs a key.
  EXPECT_EQ(NormalizeClientName("S.r.l."), "srl");
  EXPECT_NE(NormalizeClientName("Acme Labs"), NormalizeClientName("Acme"));
}

TEST(ClientResolverTest, FindsExistingClientsByNameAndId) {
  Ledger stored;
  stored.clients = {AClient("acme", "ACME srl"), AClient("b7", "Beta Ltd")};
  ClientResolver resolver(stored, true);
  EXPECT_EQ(resolver.ByName("Acme S.R.L."), "acme");
  EXPECT_EQ(resolver.ByName("beta"), "b7");
  EXPECT_EQ(resolver.ByName("B7"), "b7");  // the id itself
  EXPECT_TRUE(resolver.NewClients().empty());
}

TEST(ClientResolverTest, CreatesNewClientsWithUniqueReadableIds) {
  Ledger stored;
  stored.clients = {AClient("client", "Someone")};
  ClientResolver resolver(stored, true);
  EXPECT_EQ(resolver.ByName("Acme S.p.A."), "acme");
  EXPECT_EQ(resolver.ByName("ACME SPA"), "acme");  // the same new client again
  EXPECT_EQ(resolver.ByName("Éclair Studio GmbH"), "eclair-studio");
  // No ASCII letters to make an id of: "client", taken, then "client-2", "client-3".
  EXPECT_EQ(resolver.ByName("東京"), "client-2");
  EXPECT_EQ(resolver.ByName("大阪"), "client-3");
  EXPECT_EQ(resolver.ByName("東京"), "client-2");
  ASSERT_EQ(resolver.NewClients().size(), 4u);
  EXPECT_EQ(resolver.NewClients()[0].name, "Acme S.p.A.");
  EXPECT_EQ(resolver.NewClients()[1].id, "eclair-studio");
}

TEST(ClientResolverTest, NoCreateGivesNullopt) {
  Ledger stored;
  stored.clients = {AClient("acme", "Acme")};
  ClientResolver resolver(stored, false);
  EXPECT_EQ(resolver.ByName("ACME Inc."), "acme");
  EXPECT_EQ(resolver.ByName("Unknown Ltd"), std::nullopt);
  EXPECT_EQ(resolver.ByTaxId("IT01234567890", "", "Unknown Ltd"), std::nullopt);
  EXPECT_TRUE(resolver.NewClients().empty());
}

TEST(ClientResolverTest, MappingRenamesAndMerges) {
  TempDir dir;
  const std::string mapping = dir.Write("map.toml",
                                        "# renames and merges\n"
                                        "[clients]\n"
                                        "\"Big Co\" = \"bigco\"\n"
                                        "\"Big Company Ltd\" = \"bigco\"\n"
                                        "\"Old Name\" = \"acme\"\n");
  Ledger stored;
  stored.clients = {AClient("acme", "Acme")};
  ClientResolver resolver(stored, true);
  ASSERT_TRUE(resolver.LoadMapping(mapping).has_value());
  EXPECT_EQ(resolver.ByName("old name"), "acme");
  EXPECT_EQ(resolver.ByName("Big Company"), "bigco");  // "Ltd" dropped on both sides
  EXPECT_EQ(resolver.ByName("BIG CO."), "bigco");
  ASSERT_EQ(resolver.NewClients().size(), 1u);
  EXPECT_EQ(resolver.NewClients()[0].id, "bigco");
  EXPECT_EQ(resolver.NewClients()[0].name, "Big Company");

  ClientResolver strict(stored, false);
  ASSERT_TRUE(strict.LoadMapping(mapping).has_value());
  EXPECT_EQ(strict.ByName("Old Name"), "acme");
  EXPECT_EQ(strict.ByName("Big Co"), std::nullopt);  // maps to a client that does not exist
}

TEST(ClientResolverTest, MappingErrorsNameFileAndLine) {
  TempDir dir;
  const std::string broken = dir.Write("bad.toml", "[clients]\n\"A\" = \"a\"\n\"B\" = \n");
  ClientResolver resolver(Ledger{}, true);
  Status status = resolver.LoadMapping(broken);
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(status.error().code, ErrorCode::kParse);
  EXPECT_NE(status.error().message.In(Lang::kEn).find(broken + ":3"), std::string::npos)
      << status.error().message.In(Lang::kEn);

  const std::string wrong_type = dir.Write("type.toml", "[clients]\n\"A\" = 3\n");
  status = resolver.LoadMapping(wrong_type);
  ASSERT_FALSE(status.has_value());
  EXPECT_NE(status.error().message.In(Lang::kEn).find(wrong_type + ":2"), std::string::npos)
      << status.error().message.In(Lang::kEn);

  EXPECT_FALSE(resolver.LoadMapping(dir.path() + "/missing.toml").has_value());
  // A mapping file without [clients] (the generic CSV importer's) changes nothing.
  EXPECT_TRUE(resolver.LoadMapping(dir.Write("csv.toml", "[columns]\na = \"b\"\n")).has_value());
}

TEST(ClientResolverTest, TaxIdsWithOrWithoutCountryPrefix) {
  Ledger stored;
  Client rossi = AClient("rossi", "Rossi");
  rossi.tax_id = "IT01234567890";
  stored.clients = {rossi};
  ClientResolver resolver(stored, true);
  EXPECT_EQ(resolver.ByTaxId("01234567890", "IT", "Anything"), "rossi");
  EXPECT_EQ(resolver.ByTaxId("it 012 345 678 90", "", ""), "rossi");
  const auto created = resolver.ByTaxId("RSSMRA80A01H501U", "IT", "Mario Rossi");
  ASSERT_TRUE(created.has_value());
  EXPECT_EQ(*created, "mario-rossi");
  ASSERT_EQ(resolver.NewClients().size(), 1u);
  EXPECT_EQ(resolver.NewClients()[0].tax_id, "ITRSSMRA80A01H501U");
  EXPECT_EQ(resolver.NewClients()[0].country, "IT");
  EXPECT_EQ(resolver.ByTaxId("RSSMRA80A01H501U", "IT", ""), "mario-rossi");
}

TEST(ClientResolverTest, ByEmailMatchesAddressThenDomainAndNeverCreates) {
  Ledger stored;
  Client acme = AClient("acme", "Acme");
  acme.emails = {"Boss@Acme.example"};
  Client beta = AClient("beta", "Beta");
  beta.domains = {"beta.example"};
  stored.clients = {acme, beta};
  ClientResolver resolver(stored, true);
  EXPECT_EQ(resolver.ByEmail("boss@acme.example"), "acme");
  EXPECT_EQ(resolver.ByEmail("anyone@beta.example"), "beta");
  EXPECT_EQ(resolver.ByEmail("someone@acme.example"), std::nullopt);
  EXPECT_EQ(resolver.ByEmail("x@unknown.example"), std::nullopt);
  EXPECT_TRUE(resolver.NewClients().empty());
}

}  // namespace
}  // namespace addio
