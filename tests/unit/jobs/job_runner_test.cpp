#include "jobs/job_runner.hpp"

#include <catch2/catch.hpp>
#include <memory>

using namespace eic;
using jobs::JobRunner;
using jobs::StepStatus;

namespace {

// A clock the jobs advance: each byte a job works on costs `ns_per_byte` nanoseconds.
struct FakeClock {
    double now = 0;
    JobRunner::Clock fn() {
        return [this] { return now; };
    }
};

// What a fake job did, kept apart from the job so a test still reads it after the runner drops it.
struct FakeState {
    std::size_t total = 0, done = 0;
    double ns_per_byte = 1;
    int steps = 0;
    bool waiting = false;
    bool cancelled = false;
    double progress() const { return total ? double(done) / double(total) : 1.0; }
};

class FakeJob : public jobs::Job {
public:
    FakeJob(FakeClock& clock, std::shared_ptr<FakeState> st, std::string label)
        : clock_(clock), st_(std::move(st)), label_(std::move(label)) {}

    StepStatus step(std::size_t max_bytes) override {
        FakeState& s = *st_;
        ++s.steps;
        if (s.waiting) return StepStatus::waiting;
        const std::size_t n = std::min(max_bytes, s.total - s.done);
        s.done += n;
        clock_.now += double(n) * s.ns_per_byte * 1e-9;
        return s.done >= s.total ? StepStatus::finished : StepStatus::running;
    }
    double progress() const override { return st_->progress(); }
    void cancel() override { st_->cancelled = true; }
    bool finished() const override { return st_->cancelled || st_->done >= st_->total; }
    std::string label() const override { return label_; }

private:
    FakeClock& clock_;
    std::shared_ptr<FakeState> st_;
    std::string label_;
};

// Adds a fake job of `total` bytes at `ns_per_byte`; returns its state.
std::shared_ptr<FakeState> add(JobRunner& runner, FakeClock& clock, std::size_t total, double ns_per_byte,
                               jobs::JobId* id = nullptr, std::string label = "fake") {
    auto st = std::make_shared<FakeState>();
    st->total = total;
    st->ns_per_byte = ns_per_byte;
    const jobs::JobId i = runner.add(std::make_unique<FakeJob>(clock, st, std::move(label)));
    if (id) *id = i;
    return st;
}

// Sizes stay under 4 GiB: size_t has 32 bits in wasm.
constexpr std::size_t kMB = std::size_t(1) << 20;

}  // namespace

TEST_CASE("The runner keeps to its budget once it has measured a job") {
    FakeClock clock;
    JobRunner runner(clock.fn(), 64 << 10, 256 * kMB);
    auto j = add(runner, clock, 1024 * kMB, 1.0);  // 1 ns a byte: about 1 GB/s
    const double budget = 0.006;
    for (int frame = 0; frame < 20; ++frame) {
        const double t0 = clock.now;
        CHECK(runner.run_for(budget).empty());
        const double spent = clock.now - t0;
        CHECK(spent <= budget * 1.001 + 65536e-9);    // at most one minimum step over
        if (frame > 0) CHECK(spent >= budget * 0.5);  // and the frame is used, not wasted
    }
    CHECK(j->progress() > 0);
    CHECK(j->progress() < 1);
    CHECK(runner.size() == 1);
}

TEST_CASE("The runner reports progress, and the jobs that end") {
    FakeClock clock;
    JobRunner runner(clock.fn());
    jobs::JobId id = 0;
    add(runner, clock, 100 * kMB, 10.0, &id, "validate a.json");
    CHECK(id != 0);
    REQUIRE(runner.jobs().size() == 1);
    CHECK(runner.jobs()[0].progress == 0);
    runner.run_for(0.1);
    auto info = runner.jobs();
    REQUIRE(info.size() == 1);
    CHECK(info[0].id == id);
    CHECK(info[0].label == "validate a.json");
    CHECK(info[0].progress > 0.05);
    CHECK(info[0].progress < 1);
    CHECK_FALSE(info[0].waiting);
    auto ended = runner.run_for(10);
    REQUIRE(ended.size() == 1);
    CHECK(ended[0].id == id);
    CHECK(ended[0].label == "validate a.json");
    CHECK(runner.empty());
    CHECK_FALSE(runner.has(id));
}

TEST_CASE("Cancelling a job stops it and drops it") {
    FakeClock clock;
    JobRunner runner(clock.fn());
    jobs::JobId id = 0;
    auto j = add(runner, clock, 100 * kMB, 10.0, &id);
    runner.run_for(0.01);
    CHECK_FALSE(j->cancelled);
    CHECK(runner.cancel(id));
    CHECK(j->cancelled);
    CHECK(runner.empty());
    CHECK_FALSE(runner.cancel(id));
    const int steps = j->steps;
    CHECK(runner.run_for(0.01).empty());
    CHECK(j->steps == steps);
}

TEST_CASE("A job its owner cancelled ends at the next run without a step") {
    FakeClock clock;
    JobRunner runner(clock.fn());
    jobs::JobId id = 0;
    auto j = add(runner, clock, 100 * kMB, 10.0, &id);
    j->cancelled = true;
    auto ended = runner.run_for(0.01);
    REQUIRE(ended.size() == 1);
    CHECK(ended[0].id == id);
    CHECK(j->steps == 0);
}

TEST_CASE("Jobs share the budget fairly") {
    FakeClock clock;
    JobRunner runner(clock.fn());
    std::vector<std::shared_ptr<FakeState>> js;
    for (int i = 0; i < 3; ++i) js.push_back(add(runner, clock, 1024 * kMB, 2.0 + i));  // different speeds
    std::vector<double> time(3, 0);
    for (int frame = 0; frame < 30; ++frame) {
        std::vector<std::size_t> before;
        for (auto& j : js) before.push_back(j->done);
        runner.run_for(0.006);
        for (int i = 0; i < 3; ++i) time[i] += double(js[i]->done - before[i]) * (2.0 + i) * 1e-9;
    }
    // Each job had about a third of the time, whatever its speed.
    const double total = time[0] + time[1] + time[2];
    CHECK(total > 30 * 0.006 * 0.8);
    for (double t : time) {
        CHECK(t > total / 3 * 0.8);
        CHECK(t < total / 3 * 1.2);
    }
}

TEST_CASE("A waiting job gives its share to the others and is stepped again") {
    FakeClock clock;
    JobRunner runner(clock.fn());
    auto a = add(runner, clock, 1024 * kMB, 1.0);
    auto b = add(runner, clock, 1024 * kMB, 1.0);
    a->waiting = true;
    for (int frame = 0; frame < 10; ++frame) {
        const int steps = a->steps;
        const double t0 = clock.now;
        runner.run_for(0.006);
        CHECK(a->steps == steps + 1);  // one step that found nothing to do
        if (frame > 1) CHECK(clock.now - t0 >= 0.006 * 0.7);
    }
    CHECK(a->done == 0);
    CHECK(b->done > 0);
    REQUIRE(runner.jobs().size() == 2);
    CHECK(runner.jobs()[0].waiting);
    CHECK_FALSE(runner.jobs()[1].waiting);
    a->waiting = false;
    runner.run_for(0.006);
    CHECK(a->done > 0);
}

TEST_CASE("A job that finishes in its first step ends in that run") {
    FakeClock clock;
    JobRunner runner(clock.fn());
    jobs::JobId id = 0;
    auto j = add(runner, clock, 100, 1.0, &id, "small");
    auto ended = runner.run_for(0.006);
    REQUIRE(ended.size() == 1);
    CHECK(ended[0].id == id);
    CHECK(ended[0].label == "small");
    CHECK(j->steps == 1);
    CHECK(runner.empty());
}

TEST_CASE("Every job is stepped at least once even when the budget is spent") {
    FakeClock clock;
    JobRunner runner(clock.fn());
    std::vector<std::shared_ptr<FakeState>> js;
    for (int i = 0; i < 4; ++i) js.push_back(add(runner, clock, 1024 * kMB, 1000.0));  // slow
    runner.run_for(0);
    for (auto& j : js) CHECK(j->steps == 1);
}

TEST_CASE("run_to_end finishes one job and leaves the others") {
    FakeClock clock;
    JobRunner runner(clock.fn());
    jobs::JobId ia = 0, ib = 0;
    auto a = add(runner, clock, 300 * kMB, 0.0, &ia);
    auto b = add(runner, clock, 300 * kMB, 0.0, &ib);
    runner.run_to_end(ia);
    CHECK(a->progress() == 1);
    CHECK(b->done == 0);
    CHECK_FALSE(runner.has(ia));
    CHECK(runner.has(ib));
}

namespace {
// A job whose first step starts another job on the same runner (as a page's job may, through a callback).
class StartsAnother : public jobs::Job {
public:
    StartsAnother(JobRunner& runner, FakeClock& clock, std::shared_ptr<FakeState>& started)
        : runner_(runner), clock_(clock), started_(started) {}
    StepStatus step(std::size_t) override {
        if (!started_) started_ = add(runner_, clock_, 10 * kMB, 1.0, nullptr, "started by a step");
        done_ = true;
        return StepStatus::finished;
    }
    double progress() const override { return done_ ? 1 : 0; }
    void cancel() override { done_ = true; }
    bool finished() const override { return done_; }
    std::string label() const override { return "starter"; }

private:
    JobRunner& runner_;
    FakeClock& clock_;
    std::shared_ptr<FakeState>& started_;
    bool done_ = false;
};
}  // namespace

TEST_CASE("A job added while the runner runs is kept and stepped later, not dropped") {
    FakeClock clock;
    JobRunner runner(clock.fn());
    std::shared_ptr<FakeState> started;
    runner.add(std::make_unique<StartsAnother>(runner, clock, started));
    const auto ended = runner.run_for(0.01);
    REQUIRE(started);
    REQUIRE(ended.size() == 1);
    CHECK(ended[0].label == "starter");
    CHECK_FALSE(runner.empty());  // the job the step added is still there
    for (int i = 0; i < 100 && !runner.empty(); ++i) runner.run_for(0.01);
    CHECK(started->done == started->total);
}

// AddressSanitizer found the runner writing to a job's entry after that job's step had added a job, which
// moved the entries (heap-use-after-free; the test above). run_to_end steps the same way.
TEST_CASE("A job added while run_to_end runs another is kept, and the one run is removed") {
    FakeClock clock;
    JobRunner runner(clock.fn());
    std::shared_ptr<FakeState> started;
    add(runner, clock, kMB, 0.0);
    const jobs::JobId starter = runner.add(std::make_unique<StartsAnother>(runner, clock, started));
    runner.run_to_end(starter);
    REQUIRE(started);
    CHECK_FALSE(runner.has(starter));
    CHECK(runner.size() == 2);
}
