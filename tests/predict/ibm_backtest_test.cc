// The prediction against real receivables: the IBM accounts-receivable sample (2,466
// invoices of 100 customers, 2012-2013), imported through the mapping the examples ship,
// back-tested at every month end of 2013. What docs/prediction.md promises is checked
// here: the model ranks, scores and dates better than the baseline.
#include <gtest/gtest.h>

#include <filesystem>

#include "../ingest/invoicing_test_support.h"
#include "ingest/importers.h"
#include "ledger/client_ledger.h"
#include "predict/backtest.h"
#include "predict/payment_book.h"

namespace addio {
namespace {

using testing::IbmMapping;
using testing::IbmSample;

TEST(IbmBacktestTest, TheModelBeatsTheBaselineAtEveryMonthEndOf2013) {
  ADDIO_SKIP_WITHOUT(IbmSample());
  IngestOptions options;
  options.format = "csv-mapping";
  options.mapping_file = IbmMapping();
  const IngestResult read = testing::ReadWith(MappedCsvImporter(), IbmSample(), Ledger{}, options);
  ASSERT_FALSE(read.diagnostics.HasErrors());
  ASSERT_EQ(read.ledger.invoices.size(), 2466u);

  const Settings settings;
  PaymentBookBuilder builder(read.ledger.workspace, settings, *CivilDate::Parse("2014-06-30"));
  for (const ClientLedger& client : SplitByClient(read.ledger)) ASSERT_TRUE(builder.Add(client));
  const PaymentBook book = builder.Take();
  const FeatureTable table(book, settings.grace_days);
  auto backtest = RunBacktest(book, table, *CivilDate::Parse("2013-01-01"),
                              *CivilDate::Parse("2013-12-31"), BacktestStep::kMonth);
  ASSERT_TRUE(backtest.has_value());
  ASSERT_EQ(backtest->steps.size(), 12u);
  for (const BacktestResult& step : backtest->steps) {
    EXPECT_EQ(step.method, PredictionMethod::kModel) << step.as_of.ToString();
  }
  const BacktestResult& all = backtest->overall;
  EXPECT_GT(all.invoices, 900);
  EXPECT_GE(all.model.auc, 0.88);
  EXPECT_GE(all.model.auc, all.baseline.auc + 0.04);
  EXPECT_LT(all.model.brier, all.baseline.brier);
  EXPECT_LT(all.model.mae_days, all.baseline.mae_days);
}

}  // namespace
}  // namespace addio
