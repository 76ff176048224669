#include "predict/forecast.h"

#include <gtest/gtest.h>

#include "predict/backtest.h"
#include "predict_test_support.h"
#include "report/forecast_report.h"

namespace addio {
namespace {

using testing::AClient;
using testing::BookOf;
using testing::D;
using testing::HabitsPortfolio;

const CivilDate kAsOf = D("2025-12-31");

// The prediction of the invoice `id` in `forecast`, or a failure.
const InvoicePrediction& Find(const Forecast& forecast, const PaymentBook& book,
                              const std::string& id) {
  for (const InvoicePrediction& p : forecast.invoices) {
    if (book.invoices[p.index].id == id) return p;
  }
  ADD_FAILURE() << "no open invoice " << id;
  static const InvoicePrediction none;
  return none;
}

// The open invoice of `client` in the habits portfolio issued last (not yet due at kAsOf).
std::string LastInvoiceOf(const PaymentBook& book, const std::string& client) {
  std::string id;
  for (const BookInvoice& invoice : book.invoices) {
    if (book.clients[invoice.client].id == client) id = invoice.id;
  }
  return id;
}

// Settled invoices: delays −2, 0, 3 (on time: grace is 3 days) and 10 (late).
//   late share = 1/4, mean delay = (−2 + 0 + 3 + 10) / 4 = 2.75
TEST(PaymentBaselineTest, IsTheClientsOwnRecordOrElseThePortfolios) {
  AClient acme("acme");
  const int delays[] = {-2, 0, 3, 10};
  for (int i = 0; i < 4; ++i) {
    const std::string id = "A" + std::to_string(i);
    const CivilDate due = D("2025-01-31").AddDays(30 * i);
    acme.Invoice(id, due.AddDays(-30), due, "100.00")
        .Pay("p" + id, due.AddDays(delays[i]), "100.00", id);
  }
  const ClientLedger newcomer =
      AClient("new").Invoice("N1", D("2025-11-01"), D("2025-12-01"), "50.00").Build();
  const PaymentBook book = BookOf({acme.Build(), newcomer}, kAsOf);
  const FeatureTable table(book, 3);

  const FeatureTable::Baseline own = table.BaselineOf(0, kAsOf);
  EXPECT_DOUBLE_EQ(own.late_share, 0.25);
  EXPECT_DOUBLE_EQ(own.mean_delay, 2.75);
  // The newcomer has settled nothing: the portfolio's record, which is acme's.
  const FeatureTable::Baseline portfolio = table.BaselineOf(1, kAsOf);
  EXPECT_DOUBLE_EQ(portfolio.late_share, 0.25);
  EXPECT_DOUBLE_EQ(portfolio.mean_delay, 2.75);
  // Before the first settlement (2025-01-29), nothing was known.
  const FeatureTable::Baseline before = table.BaselineOf(0, D("2025-01-28"));
  EXPECT_DOUBLE_EQ(before.late_share, 0.0);
  EXPECT_DOUBLE_EQ(before.mean_delay, 0.0);
}

TEST(ForecastTest, LearnsEachClientsHabit) {
  const PaymentBook book = BookOf(HabitsPortfolio(), kAsOf);
  const FeatureTable table(book, 3);
  const Forecast forecast = ForecastPayments(book, table);
  ASSERT_EQ(forecast.model.method, PredictionMethod::kModel) << forecast.model.fallback;

  // c100 pays 5 days early, c101 20 days late; their last invoices are not yet due.
  const std::string prompt_id = LastInvoiceOf(book, "c100");
  const std::string slow_id = LastInvoiceOf(book, "c101");
  const InvoicePrediction& prompt = Find(forecast, book, prompt_id);
  const InvoicePrediction& slow = Find(forecast, book, slow_id);
  ASSERT_LT(prompt.days_past_due, 0);
  ASSERT_LT(slow.days_past_due, 0);
  EXPECT_LT(prompt.p_late, 0.25);
  EXPECT_EQ(prompt.band, Band::kLow);
  EXPECT_GE(slow.p_late, 0.75);
  EXPECT_EQ(slow.band, Band::kHigh);

  const CivilDate prompt_due = book.invoices[prompt.index].due;
  const CivilDate slow_due = book.invoices[slow.index].due;
  ASSERT_TRUE(prompt.expected_date && slow.expected_date);
  EXPECT_LE(std::abs(DaysBetween(prompt_due.AddDays(-5), *prompt.expected_date)), 3);
  EXPECT_LE(std::abs(DaysBetween(slow_due.AddDays(20), *slow.expected_date)), 3);
  // The baseline knows the habits too: its dates are the due dates moved by each mean.
  EXPECT_EQ(slow.baseline_expected_date, slow_due.AddDays(20));
  EXPECT_DOUBLE_EQ(slow.baseline_p_late, 1.0);
  EXPECT_DOUBLE_EQ(prompt.baseline_p_late, 0.0);
}

TEST(ForecastTest, DisputedInvoicesOfAClientWhoPaysThemLateAreLikelyLate) {
  const PaymentBook book = BookOf(HabitsPortfolio(), kAsOf);
  const FeatureTable table(book, 3);
  const Forecast forecast = ForecastPayments(book, table);
  // c102 pays undisputed invoices on the due date and disputed ones 15 days late; its
  // baseline is the same for both, the model tells them apart.
  double disputed = -1, undisputed = -1;
  for (const InvoicePrediction& p : forecast.invoices) {
    const BookInvoice& invoice = book.invoices[p.index];
    if (book.clients[invoice.client].id != "c102" || p.days_past_due > 3) continue;
    (invoice.disputed ? disputed : undisputed) = p.p_late;
  }
  ASSERT_GE(disputed, 0);
  ASSERT_GE(undisputed, 0);
  EXPECT_GT(disputed, 0.75);
  EXPECT_LT(undisputed, 0.25);
}

TEST(ForecastTest, PastGraceIsLateForCertainAndPastNinetyDaysIsDoubtful) {
  std::vector<ClientLedger> clients = HabitsPortfolio();
  clients.push_back(AClient("gone")
                        .Invoice("G-old", D("2025-08-01"), D("2025-08-31"), "700.00")
                        .Invoice("G-new", D("2025-11-21"), D("2025-12-21"), "300.00")
                        .Build());
  const PaymentBook book = BookOf(clients, kAsOf);
  const FeatureTable table(book, 3);
  const Forecast forecast = ForecastPayments(book, table);

  const InvoicePrediction& old_one = Find(forecast, book, "G-old");  // 122 days past due
  EXPECT_DOUBLE_EQ(old_one.p_late, 1.0);
  EXPECT_EQ(old_one.band, Band::kHigh);
  EXPECT_FALSE(old_one.expected_date.has_value());
  const InvoicePrediction& new_one = Find(forecast, book, "G-new");  // 10 days past due
  EXPECT_DOUBLE_EQ(new_one.p_late, 1.0);
  ASSERT_TRUE(new_one.expected_date.has_value());
  EXPECT_GT(*new_one.expected_date, kAsOf);
  EXPECT_EQ(forecast.doubtful, testing::Eur("700.00"));
}

TEST(ForecastTest, WeeksStartOnMondaysAndAddUpToWhatIsOpen) {
  const PaymentBook book = BookOf(HabitsPortfolio(), kAsOf);
  const FeatureTable table(book, 3);
  const Forecast forecast = ForecastPayments(book, table);
  ASSERT_EQ(forecast.weeks.size(), static_cast<size_t>(kForecastWeeks));
  EXPECT_LE(forecast.weeks.front().week_start, kAsOf.AddDays(1));
  EXPECT_GT(forecast.weeks.front().week_start.AddDays(7), kAsOf.AddDays(1));
  Money sum = forecast.later + forecast.doubtful;
  int counted = 0;
  for (const CashWeek& week : forecast.weeks) {
    EXPECT_EQ(week.week_start.weekday(), Weekday::kMonday);
    sum += week.expected_in;
    counted += week.invoices;
  }
  Money open = Money::Zero(book.currency);
  for (const InvoicePrediction& p : forecast.invoices) open += book.invoices[p.index].open;
  EXPECT_EQ(sum, forecast.open);
  EXPECT_EQ(open, forecast.open);
  EXPECT_GT(counted, 0);
  EXPECT_TRUE(forecast.open.is_positive());
}

TEST(ForecastTest, FallsBackToTheBaselineAndSaysWhyWithLittleHistory) {
  const ClientLedger acme = AClient("acme")
                                .Invoice("A1", D("2025-09-01"), D("2025-10-01"), "100.00")
                                .Pay("pA1", D("2025-10-20"), "100.00", "A1")
                                .Invoice("A2", D("2025-12-01"), D("2025-12-31"), "100.00")
                                .Build();
  const PaymentBook book = BookOf({acme}, kAsOf);
  const FeatureTable table(book, 3);
  const Forecast forecast = ForecastPayments(book, table);
  EXPECT_EQ(forecast.model.method, PredictionMethod::kBaseline);
  EXPECT_EQ(forecast.model.fallback, "forecast.fallback.few_invoices");
  const InvoicePrediction& open = Find(forecast, book, "A2");
  EXPECT_DOUBLE_EQ(open.p_late, 1.0);  // the only invoice settled was 19 days late
  EXPECT_EQ(*open.expected_date, D("2026-01-19"));
  const std::string json = RenderForecastJson(forecast, book, Lang::kIt, false);
  EXPECT_NE(json.find("\"method\":\"baseline\""), std::string::npos);
  EXPECT_NE(json.find(Tr("forecast.fallback.few_invoices", Lang::kIt)), std::string::npos);
}

// No leak: records dated after as_of — payments, new invoices — change nothing.
TEST(ForecastTest, RecordsAfterAsOfChangeNothing) {
  const std::vector<ClientLedger> known = HabitsPortfolio(kAsOf, kAsOf);
  const std::vector<ClientLedger> later = HabitsPortfolio(D("2026-06-30"), D("2026-03-31"));
  const PaymentBook known_book = BookOf(known, kAsOf);
  const PaymentBook later_book = BookOf(later, kAsOf);
  const FeatureTable known_table(known_book, 3), later_table(later_book, 3);
  EXPECT_EQ(
      RenderForecastJson(ForecastPayments(known_book, known_table), known_book, Lang::kEn, true),
      RenderForecastJson(ForecastPayments(later_book, later_table), later_book, Lang::kEn, true));
}

// A back-test reads one book up to a later horizon: a model trained at a step must be
// the one a book ending at that step gives, prediction for prediction.
TEST(ForecastTest, ABookWithALaterHorizonPredictsAStepAsIfItEndedThere) {
  const CivilDate step = D("2025-06-30");
  const PaymentBook whole = BookOf(HabitsPortfolio(), kAsOf);
  const PaymentBook then = BookOf(HabitsPortfolio(), step);
  const FeatureTable whole_table(whole, 3), then_table(then, 3);
  const PaymentModel whole_model = TrainPaymentModel(whole, whole_table, step);
  const PaymentModel then_model = TrainPaymentModel(then, then_table, step);
  EXPECT_EQ(whole_model.late_weights, then_model.late_weights);
  EXPECT_EQ(whole_model.delay_weights, then_model.delay_weights);
  int compared = 0;
  for (size_t i = 0; i < then.invoices.size(); ++i) {
    if (!OpenAt(then.invoices[i], step)) continue;
    size_t j = 0;
    while (whole.invoices[j].id != then.invoices[i].id) ++j;
    const InvoicePrediction a = PredictInvoice(whole_model, whole, whole_table, j, step);
    const InvoicePrediction b = PredictInvoice(then_model, then, then_table, i, step);
    EXPECT_EQ(a.p_late, b.p_late);
    EXPECT_EQ(a.expected_date, b.expected_date);
    EXPECT_EQ(a.baseline_p_late, b.baseline_p_late);
    ++compared;
  }
  EXPECT_GT(compared, 20);
}

TEST(ForecastTest, TheSameRecordsGiveTheSameBytes) {
  const PaymentBook book = BookOf(HabitsPortfolio(), kAsOf);
  const FeatureTable table(book, 3);
  const std::string first =
      RenderForecastJson(ForecastPayments(book, table), book, Lang::kEn, true);
  const std::string second =
      RenderForecastJson(ForecastPayments(book, table), book, Lang::kEn, true);
  EXPECT_EQ(first, second);
  EXPECT_EQ(RenderForecastTable(ForecastPayments(book, table), book, Lang::kIt),
            RenderForecastTable(ForecastPayments(book, table), book, Lang::kIt));
}

TEST(BacktestTest, PoolsEveryStepAndCountsEachBand) {
  const PaymentBook book = BookOf(HabitsPortfolio(), kAsOf);
  const FeatureTable table(book, 3);
  auto backtest = RunBacktest(book, table, D("2025-05-01"), D("2025-10-31"), BacktestStep::kMonth);
  ASSERT_TRUE(backtest.has_value());
  ASSERT_EQ(backtest->steps.size(), 6u);
  EXPECT_EQ(backtest->steps.front().as_of, D("2025-05-31"));
  EXPECT_EQ(backtest->steps.back().as_of, D("2025-10-31"));
  int invoices = 0;
  for (const BacktestResult& step : backtest->steps) invoices += step.invoices;
  EXPECT_EQ(backtest->overall.invoices, invoices);
  int banded = 0;
  for (const BandCalibration& band : backtest->overall.model.bands) banded += band.invoices;
  EXPECT_EQ(banded, invoices);
  // Habits this regular are learnt: late invoices rank above on-time ones.
  EXPECT_GT(backtest->overall.model.auc, 0.95);
  EXPECT_LT(backtest->overall.model.brier, 0.05);
}

TEST(BacktestTest, RefusesStepsWhoseOutcomesAreNotKnown) {
  const PaymentBook book = BookOf(HabitsPortfolio(), kAsOf);
  const FeatureTable table(book, 3);
  EXPECT_FALSE(RunBacktest(book, table, D("2025-06-01"), kAsOf, BacktestStep::kMonth));
  EXPECT_FALSE(RunBacktest(book, table, D("2025-06-01"), D("2025-05-01"), BacktestStep::kWeek));
  auto weekly = RunBacktest(book, table, D("2025-06-02"), D("2025-06-30"), BacktestStep::kWeek);
  ASSERT_TRUE(weekly.has_value());
  EXPECT_EQ(weekly->steps.size(), 5u);  // 06-02, 06-09, 06-16, 06-23, 06-30
}

}  // namespace
}  // namespace addio
