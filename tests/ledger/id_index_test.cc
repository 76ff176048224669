// IdIndex (ledger/id_index.h): the first record of each id, found by the records' own ids.
#include "ledger/id_index.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ledger/client_ledger.h"

namespace addio {
namespace {

struct Named {
  std::string id;
};

TEST(IdIndexTest, FindsTheFirstRecordOfEachId) {
  std::vector<Named> records;
  for (int i = 0; i < 5000; ++i) records.push_back({"r-" + std::to_string(i)});
  records.push_back({"r-17"});  // a repeat: the first keeps the id
  const IdIndex<Named> index(records);
  for (uint32_t i = 0; i < 5000; ++i) {
    const std::optional<uint32_t> at = index.Find(records[i].id);
    ASSERT_TRUE(at) << records[i].id;
    EXPECT_EQ(*at, i);
  }
  EXPECT_EQ(index.Find("r-17"), 17u);
  EXPECT_FALSE(index.Find("r-5000"));
  EXPECT_FALSE(index.Find(""));
  EXPECT_FALSE(index.contains("R-1"));
}

TEST(IdIndexTest, AnEmptyIndexFindsNothing) {
  const std::vector<Named> none;
  EXPECT_FALSE(IdIndex<Named>(none).Find("a"));
  EXPECT_FALSE(IdIndex<Named>().Find("a"));
}

// Through a key other than `id`: a client ledger's client.
TEST(IdIndexTest, ReadsTheIdThroughTheGivenKey) {
  struct ClientId {
    std::string_view operator()(const ClientLedger& c) const { return c.client.id; }
  };
  std::vector<ClientLedger> clients(3);
  clients[0].client.id = "b";
  clients[1].client.id = "a";
  clients[2].client.id = "c";
  const IdIndex<ClientLedger, ClientId> index(clients);
  EXPECT_EQ(index.Find("a"), 1u);
  EXPECT_EQ(index.Find("c"), 2u);
  EXPECT_FALSE(index.Find("d"));
}

}  // namespace
}  // namespace addio
