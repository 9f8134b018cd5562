// The CSV tokenizer: RFC 4180 quoting, line breaks, BOM, UTF-8, places of fields and errors.
#include "csv/reader.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace eic;
using namespace eic::csv;

namespace {

std::vector<std::vector<std::string>> records(std::string_view bytes, Diagnostics* ds = nullptr, Options options = {}) {
    Reader r(bytes, options);
    Record rec;
    std::vector<std::vector<std::string>> out;
    while (r.next(rec)) {
        std::vector<std::string> v;
        for (const auto& f : rec.fields) v.emplace_back(f.value);
        out.push_back(v);
    }
    if (ds) *ds = r.diagnostics();
    return out;
}

using Rows = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("csv: plain records with LF, CRLF and no final newline") {
    Diagnostics ds;
    CHECK(records("a,b\n1,2\n3,4\n", &ds) == Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}});
    CHECK(ds.empty());
    CHECK(records("a,b\r\n1,2\r\n3,4", &ds) == Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}});
    CHECK(ds.empty());
    CHECK(records("a,b\r1,2\r", &ds) == Rows{{"a", "b"}, {"1", "2"}});
    CHECK(ds.empty());
}

TEST_CASE("csv: empty fields, blank lines skipped") {
    Diagnostics ds;
    CHECK(records("a,b,c\n,,\n\n\r\n1,,3\n\n", &ds) == Rows{{"a", "b", "c"}, {"", "", ""}, {"1", "", "3"}});
    CHECK(ds.empty());
    CHECK(records("a\n\n\nx\n", &ds) == Rows{{"a"}, {"x"}});
}

TEST_CASE("csv: quoted fields, doubled quotes, embedded separators and newlines") {
    Diagnostics ds;
    auto r = records("h1,h2\n\"a,b\",\"say \"\"hi\"\"\"\n\"line1\nline2\",\"x\r\ny\"\n\"\",\"\"\"\"\n", &ds);
    CHECK(ds.empty());
    REQUIRE(r.size() == 4);
    CHECK(r[1] == std::vector<std::string>{"a,b", "say \"hi\""});
    CHECK(r[2] == std::vector<std::string>{"line1\nline2", "x\r\ny"});
    CHECK(r[3] == std::vector<std::string>{"", "\""});
}

TEST_CASE("csv: a BOM is not part of the first field and takes no column") {
    std::string in = "\xEF\xBB\xBFObjectUrl,Image title\nu,t\n";
    Reader r(in);
    Record rec;
    REQUIRE(r.next(rec));
    CHECK(rec.fields[0].value == "ObjectUrl");
    CHECK(rec.fields[0].column == 1);
    CHECK(rec.fields[0].offset == 3);
    CHECK(rec.fields[1].column == 11);
    CHECK(r.header() == std::vector<std::string>{"ObjectUrl", "Image title"});
    REQUIRE(r.next(rec));
    CHECK(rec.row == 1);
    CHECK(rec.record == 2);
    CHECK(rec.line == 2);
    CHECK_FALSE(r.next(rec));
    CHECK(r.diagnostics().empty());
}

TEST_CASE("csv: places of fields (line, column in code points, offset, row)") {
    std::string in = "A,B\n\"x\ny\",é€z\nq,w\n";
    Reader r(in);
    Record rec;
    REQUIRE(r.next(rec));
    REQUIRE(r.next(rec));
    CHECK(rec.row == 1);
    CHECK(rec.line == 2);
    CHECK(rec.fields[0].line == 2);
    CHECK(rec.fields[0].column == 1);
    CHECK(rec.fields[0].quoted);
    CHECK(rec.fields[1].line == 3);
    CHECK(rec.fields[1].column == 4);  // y, " and , before it
    CHECK(rec.fields[1].value == "é€z");
    REQUIRE(r.next(rec));
    CHECK(rec.row == 2);
    CHECK(rec.line == 4);
    CHECK(rec.fields[1].column == 3);
    CHECK(rec.fields[1].offset == in.find("w"));
}

TEST_CASE("csv: unterminated quote is an error at the opening quote, field runs to the end") {
    Diagnostics ds;
    auto r = records("A,B\n1,\"abc\n2,3\n", &ds);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].code == "csv.unterminated-quote");
    CHECK(ds[0].line == 2);
    CHECK(ds[0].column == 3);
    CHECK(ds[0].row == 1u);
    CHECK(ds[0].field == std::string("B"));
    REQUIRE(r.size() == 2);
    CHECK(r[1] == std::vector<std::string>{"1", "abc\n2,3\n"});
}

TEST_CASE("csv: a quote inside an unquoted field is an error, kept literally") {
    Diagnostics ds;
    auto r = records("A,B\nx,ab\"c\n", &ds);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].code == "csv.stray-quote");
    CHECK(ds[0].line == 2);
    CHECK(ds[0].column == 5);
    CHECK(ds[0].row == 1u);
    CHECK(ds[0].field == std::string("B"));
    CHECK(r[1] == std::vector<std::string>{"x", "ab\"c"});
}

TEST_CASE("csv: text after a closing quote is an error, appended") {
    Diagnostics ds;
    auto r = records("A,B\n\"ab\"cd,e\n", &ds);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].code == "csv.after-quote");
    CHECK(ds[0].line == 2);
    CHECK(ds[0].column == 5);
    CHECK(ds[0].field == std::string("A"));
    CHECK(r[1] == std::vector<std::string>{"abcd", "e"});
    // with a doubled quote before (decoded in the buffer)
    r = records("A\n\"a\"\"b\"c\n", &ds);
    CHECK(r[1] == std::vector<std::string>{"a\"bc"});
    CHECK(ds.size() == 1);
}

TEST_CASE("csv: ragged rows are errors with their row; the record is still returned") {
    Diagnostics ds;
    auto r = records("A,B\n1\n1,2,3\n4,5\n", &ds);
    REQUIRE(ds.size() == 2);
    CHECK(ds[0].code == "csv.ragged-row");
    CHECK(ds[0].row == 1u);
    CHECK(ds[0].line == 2);
    CHECK(ds[0].column == 1);
    CHECK_FALSE(ds[0].field);
    CHECK(ds[1].row == 2u);
    CHECK(ds[1].line == 3);
    CHECK(r.size() == 4);
    CHECK(r[2].size() == 3);
    Options o;
    o.check_ragged = false;
    records("A,B\n1\n", &ds, o);
    CHECK(ds.empty());
}

TEST_CASE("csv: invalid UTF-8 is a warning at its place, once per record") {
    Diagnostics ds;
    auto r = records("A,B\nok,x\xC3\x28\xFF\n\xE0\x80\x80,\xED\xA0\x80\n", &ds);
    REQUIRE(ds.size() == 2);
    CHECK(ds[0].code == "csv.invalid-utf8");
    CHECK(ds[0].severity == Severity::warning);
    CHECK(ds[0].line == 2);
    CHECK(ds[0].column == 5);
    CHECK(ds[0].field == std::string("B"));
    CHECK(ds[1].line == 3);
    CHECK(ds[1].column == 1);  // overlong
    CHECK(ds[1].row == 2u);
    // valid 4-byte sequences pass
    records("A\n\xF0\x9F\x98\x80\n", &ds);
    CHECK(ds.empty());
    // truncated sequence at the end
    records("A\n\xE2\x82", &ds);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].code == "csv.invalid-utf8");
}

TEST_CASE("csv: empty input") {
    Diagnostics ds;
    CHECK(records("", &ds).empty());
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].code == "csv.empty");
    CHECK(records("\xEF\xBB\xBF\r\n\n", &ds).empty());
    CHECK(ds.size() == 1);
}

TEST_CASE("csv: without a header rows count from 1") {
    Options o;
    o.header = false;
    Reader r("x\ny\"\n", o);
    Record rec;
    REQUIRE(r.next(rec));
    CHECK(rec.row == 1);
    REQUIRE(r.next(rec));
    CHECK(rec.row == 2);
    REQUIRE(r.diagnostics().size() == 1);
    CHECK(r.diagnostics()[0].row == 2u);
    CHECK_FALSE(r.diagnostics()[0].field);
    CHECK(r.header().empty());
}

TEST_CASE("csv: read_all and write round trip") {
    std::vector<std::vector<std::string>> rows = {
        {"ObjectUrl", "Image title"}, {"gs://b/a b.jpg", " padded "}, {"x", "a,b"}, {"y", "q\"\nz"}, {"", ""}};
    std::string out;
    for (const auto& r : rows) write_record(out, r);
    auto t = read_all(out);
    CHECK(t.diagnostics.empty());
    CHECK(t.header == rows[0]);
    REQUIRE(t.rows.size() == 4);
    for (std::size_t i = 0; i < 4; ++i) CHECK(t.rows[i].values == rows[i + 1]);
    std::string one;
    write_record(one, {""}, true);
    CHECK(one == "\"\"\r\n");
    auto t2 = read_all("A\r\n" + one);
    REQUIRE(t2.rows.size() == 1);
    CHECK(t2.rows[0].values == std::vector<std::string>{""});
}

TEST_CASE("csv: truncating at every byte never crashes and keeps invariants") {
    std::string in =
        "\xEF\xBB\xBFObjectUrl,Image group title\r\n\"gs://b/1.jpg\",\"g \"\"1\"\"\"\r\ngs://b/2.jpg,g1\n"
        "\"multi\nline\",\xC3\xA9t\xC3\xA9\n\"open,x\nbad\"q,z\n";
    for (std::size_t n = 0; n <= in.size(); ++n) {
        std::string cut = in.substr(0, n);
        Reader r(cut);
        Record rec;
        std::size_t guard = 0, last_end = 0;
        while (r.next(rec)) {
            REQUIRE(rec.end > last_end);
            REQUIRE(rec.end <= cut.size());
            last_end = rec.end;
            for (const auto& f : rec.fields) {
                REQUIRE(f.offset <= cut.size());
                REQUIRE(f.line >= 1);
                REQUIRE(f.column >= 1);
            }
            REQUIRE(++guard < 100);
        }
        for (const auto& d : r.diagnostics()) {
            REQUIRE(d.line >= 1);
            REQUIRE(!d.code.empty());
        }
    }
}

namespace {
// A tiny deterministic generator (std distributions differ between libstdc++ and libc++).
struct Lcg {
    std::uint64_t s;
    std::uint32_t next(std::uint32_t n) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        return std::uint32_t(s >> 33) % n;
    }
};
}  // namespace

TEST_CASE("csv: random tables survive write then read") {
    const char* alphabet[] = {"a", "Z", " ", ",", "\"", "\n", "\r", "\r\n", "\xC3\xA9", "\xE2\x82\xAC", "x y"};
    Lcg g{42};
    for (int round = 0; round < 300; ++round) {
        std::size_t cols = 1 + g.next(4), rows = g.next(6);
        std::vector<std::vector<std::string>> table;
        for (std::size_t r = 0; r <= rows; ++r) {
            std::vector<std::string> rec;
            for (std::size_t c = 0; c < cols; ++c) {
                std::string v;
                std::size_t len = r == 0 ? 1 + g.next(4) : g.next(6);
                for (std::size_t k = 0; k < len; ++k) v += alphabet[g.next(r == 0 ? 3 : 11)];
                rec.push_back(v);
            }
            table.push_back(rec);
        }
        std::string out;
        for (const auto& rec : table) write_record(out, rec, g.next(2) == 1);
        auto t = read_all(out);
        INFO(out);
        REQUIRE(t.diagnostics.empty());
        REQUIRE(t.header == table[0]);
        REQUIRE(t.rows.size() == rows);
        for (std::size_t r = 0; r < rows; ++r) {
            CHECK(t.rows[r].row == r + 1);
            CHECK(t.rows[r].values == table[r + 1]);
        }
    }
}

TEST_CASE("csv: random bytes never crash the reader") {
    const char bytes[] = {'"', ',', '\n', '\r', 'a', ' ', '\xC3', '\xA9', '\xFF', '\0'};
    Lcg g{7};
    for (int round = 0; round < 2000; ++round) {
        std::string in;
        std::size_t len = g.next(40);
        for (std::size_t k = 0; k < len; ++k) in += bytes[g.next(sizeof bytes)];
        Reader r(in);
        Record rec;
        std::size_t count = 0, last_end = 0;
        while (r.next(rec)) {
            REQUIRE(rec.end > last_end);
            last_end = rec.end;
            REQUIRE(++count <= in.size());
            for (const auto& f : rec.fields) REQUIRE(f.value.size() <= in.size());
        }
    }
}
