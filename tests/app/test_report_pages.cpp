// SPDX-License-Identifier: Apache-2.0
// The PDF as an auditor reads it (issue 18): every shipped profile's figures with value, U and
// limit as report.json has them; no two words of a page overprinted; Chinese site names in an
// embedded CJK font; evidence never overwritten (refusal, --force, stale signatures).
#include "cli_run.h"

#include <cmath>
#include <regex>
#include <sstream>

using namespace cm::test;
namespace fs = std::filesystem;

namespace {

std::string shell(const std::string& cmd) {
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    std::string out;
    char buf[4096];
    while (std::fgets(buf, sizeof buf, p) != nullptr) {
        out += buf;
    }
    pclose(p);
    return out;
}

std::string pdfText(const fs::path& pdf) {
    std::string t = shell("pdftotext -enc UTF-8 " + pdf.string() + " - 2>/dev/null");
    // Words of one cell may sit on two lines; compare with whitespace collapsed.
    std::string out;
    bool space = false;
    for (char c : t) {
        if (c == '\n' || c == ' ' || c == '\t' || c == '\f') {
            space = true;
            continue;
        }
        if (space && !out.empty()) {
            out += ' ';
        }
        space = false;
        out += c;
    }
    return out;
}

/// The shortest decimal text of a limit bound (0.005, 48, 1200).
std::string bound(double v) {
    for (int d = 0; d <= 6; ++d) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.*f", d, v);
        if (std::abs(std::atof(buf) - v) < 1e-9 * std::max(1.0, std::abs(v))) {
            return buf;
        }
    }
    return std::to_string(v);
}

std::string withoutSpaces(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c != ' ') {
            out += c;
        }
    }
    return out;
}

int decimalsOf(const std::string& s) {
    const auto dot = s.find('.');
    return dot == std::string::npos ? 0 : static_cast<int>(s.size() - dot - 1);
}

struct Pair {
    std::string a, b;
};

/// Every "A ± B" (and "A:1 ± B") in the text.
std::vector<Pair> valuePairs(const std::string& text) {
    std::vector<Pair> out;
    static const std::regex re(R"((-?[0-9]+(?:\.[0-9]+)?)(?::1)? ± ([0-9]+(?:\.[0-9]+)?))");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
         ++it) {
        out.push_back({(*it)[1].str(), (*it)[2].str()});
    }
    return out;
}

/// A pair that shows `v ± U` at its own precision, with U not rounded to zero.
bool shows(const std::vector<Pair>& pairs, double v, double U, int minDecimals) {
    for (const auto& p : pairs) {
        const int d = decimalsOf(p.a);
        if (d != decimalsOf(p.b) || d < minDecimals) {
            continue;
        }
        const double half = 0.5 * std::pow(10.0, -d) + 1e-12;
        const double a = std::atof(p.a.c_str());
        const double b = std::atof(p.b.c_str());
        if (b > 0.0 && std::abs(a - v) <= half && std::abs(b - U) <= half) {
            return true;
        }
    }
    return false;
}

struct Shipped {
    const char* profile;
    const char* theatre;
};

const Shipped kShipped[] = {
    {"st431-1-theatre", "projector-reference.json"},
    {"st431-1-review", "projector-reference.json"},
    {"rp431-2-theatre", "projector-reference.json"},
    {"dci-hdr-projector-theatre", "projector-hdr-reference.json"},
    {"dci-direct-view-sdr-theatre", "led-reference.json"},
    {"iso5926-3d-class-a-theatre", "projector-3d-reference.json"},
    {"dyt8-led-sdr", "led-reference.json"},
    {"dyt8-led-hdr", "led-hdr-reference.json"},
    {"iso25338-led-sdr", "led-reference.json"},
    {"dyt9-projector-theatre", "projector-reference.json"},
};

fs::path certify(const std::string& profile, const std::string& theatre, const std::string& tag,
                 const std::string& extra = "") {
    const fs::path out = freshDir("pages-" + tag);
    const Run r = cli("certify --profile " + profile + " --simulate " + virtualTheatre(theatre) +
                      " --quiet --out " + out.string() + " " + extra);
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    return out;
}

}  // namespace

TEST_CASE("PDF of every shipped profile: each figure's value, U and limit as the JSON has them",
          "[report][pdf][pages]") {
    for (const auto& s : kShipped) {
        const fs::path out = certify(s.profile, s.theatre, s.profile);
        const auto j = readJson(out / "report.json");
        const std::string text = pdfText(out / "report.pdf");
        const auto pairs = valuePairs(text);
        const std::string compact = withoutSpaces(text);
        for (const auto& f : j["figures"]) {
            INFO(s.profile << " / " << f["id"].get<std::string>());
            if (f["value"].is_null()) {
                continue;
            }
            const double v = f["value"].get<double>();
            const double U = f["expanded_uncertainty_k2"].get<double>();
            int limitDecimals = 0;
            std::vector<std::string> limitParts;
            // As a limit is written: target ± (plus, minus), else its bounds.
            const auto& L = f["limit"];
            std::vector<double> shown;
            if (L["target"].is_number()) {
                const double t = L["target"].get<double>();
                shown.push_back(t);
                for (const char* k : {"upper", "lower"}) {
                    if (L[k].is_number()) {
                        shown.push_back(std::abs(L[k].get<double>() - t));
                    }
                }
            } else {
                for (const char* k : {"lower", "upper"}) {
                    if (L[k].is_number()) {
                        shown.push_back(L[k].get<double>());
                    }
                }
            }
            for (const double b : shown) {
                limitDecimals = std::max(limitDecimals, decimalsOf(bound(b)));
                limitParts.push_back(bound(b));
            }
            if (U > 0.0) {
                CHECK(shows(pairs, v, U, limitDecimals));
            }
            // report.json's "shown" text is the PDF's, word for word.
            const auto& sh = f["shown"];
            if (!sh["expanded_uncertainty"].get<std::string>().empty()) {
                const std::string vu = sh["value"].get<std::string>() +
                                       (sh["unit"] == ":1" ? ":1" : "") + " ± " +
                                       sh["expanded_uncertainty"].get<std::string>();
                INFO(vu);
                CHECK(text.find(vu) != std::string::npos);
            }
            // pdftotext drops narrow spaces ("0± 5%"): compare limits without spaces.
            CHECK(compact.find(withoutSpaces(sh["limit"].get<std::string>())) != std::string::npos);
            for (const auto& b : limitParts) {
                CHECK(text.find(b) != std::string::npos);
            }
        }
        fs::remove_all(out);
    }
}

TEST_CASE("PDF layout: no two words of a page overprint each other", "[report][pdf][pages]") {
    // Long labels (3D, DY/T 8, gamma) and long limits used to run into the next column.
    for (const auto& s : {kShipped[5], kShipped[6], kShipped[3]}) {
        const fs::path out = certify(s.profile, s.theatre, std::string("bbox-") + s.profile,
                                     "--site 'A very long site name of a multiplex cinema "
                                     "complex with many auditoriums' --note 'Lamp at 1200 h, port "
                                     "glass cleaned, the projector was warmed up for 45 minutes "
                                     "before the first reading was taken'");
        const std::string html =
            shell("pdftotext -bbox -enc UTF-8 " + (out / "report.pdf").string() + " - 2>/dev/null");
        struct Box {
            double x0, y0, x1, y1;
            std::string w;
        };
        static const std::regex page(R"(<page )");
        static const std::regex word(
            R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
        std::size_t pos = 0;
        int pageNo = 0;
        while (true) {
            const auto start = html.find("<page ", pos);
            if (start == std::string::npos) {
                break;
            }
            const auto end = html.find("</page>", start);
            const std::string pg = html.substr(start, end - start);
            pos = end;
            ++pageNo;
            std::vector<Box> boxes;
            for (auto it = std::sregex_iterator(pg.begin(), pg.end(), word);
                 it != std::sregex_iterator(); ++it) {
                boxes.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]),
                                 std::stod((*it)[4]), (*it)[5]});
            }
            CHECK(boxes.size() > 5);
            for (std::size_t i = 0; i < boxes.size(); ++i) {
                for (std::size_t k = i + 1; k < boxes.size(); ++k) {
                    const Box& a = boxes[i];
                    const Box& b = boxes[k];
                    const double ox = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
                    const double oy = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
                    // Glyph boxes of neighbouring lines touch; overprinting overlaps by more.
                    const bool overlap = ox > 0.5 && oy > 0.3 * std::min(a.y1 - a.y0, b.y1 - b.y0);
                    if (overlap) {
                        INFO(s.profile << " page " << pageNo << ": '" << a.w << "' overlaps '"
                                       << b.w << "'");
                        CHECK_FALSE(overlap);
                    }
                }
            }
        }
        CHECK(pageNo >= 2);
        const std::string text = pdfText(out / "report.pdf");
        // Nothing cut with "…": the long site and note print in full.
        CHECK(text.find("before the first reading was taken") != std::string::npos);
        CHECK(text.find("complex with many auditoriums") != std::string::npos);
        fs::remove_all(out);
    }
}

TEST_CASE("PDF: a Chinese site prints in an embedded CJK font and extracts", "[report][pdf][cjk]") {
    const fs::path out = certify("st431-1-theatre", "projector-reference.json", "cjk",
                                 "--site '北京电影院' --auditorium '3号厅' --operator '张伟'");
    const std::string fonts = shell("pdffonts " + (out / "report.pdf").string());
    INFO(fonts);
    bool cjk = false;
    std::istringstream lines(fonts);
    for (std::string l; std::getline(lines, l);) {
        if ((l.find("WenQuanYi") != std::string::npos || l.find("CJK") != std::string::npos ||
             l.find("MicroHei") != std::string::npos) &&
            l.find(" yes ") != std::string::npos) {
            cjk = true;
        }
    }
    CHECK(cjk);
    const std::string text = pdfText(out / "report.pdf");
    CHECK(text.find("北京电影院") != std::string::npos);
    CHECK(text.find("3号厅") != std::string::npos);
    CHECK(text.find("张伟") != std::string::npos);
    fs::remove_all(out);
}

TEST_CASE("PDF pages: header on every page, page n of N, signature block last",
          "[report][pdf][pages]") {
    const fs::path out = certify("rp431-2-theatre", "projector-reference.json", "pages",
                                 "--site 'Cinema Paradiso' --auditorium 'Screen 2'");
    const std::string raw =
        shell("pdftotext -enc UTF-8 " + (out / "report.pdf").string() + " - 2>/dev/null");
    std::vector<std::string> pages;
    std::size_t start = 0;
    for (std::size_t f; (f = raw.find('\f', start)) != std::string::npos; start = f + 1) {
        pages.push_back(raw.substr(start, f - start));
    }
    REQUIRE(pages.size() >= 2);
    for (std::size_t i = 0; i < pages.size(); ++i) {
        INFO("page " << i + 1);
        CHECK(pages[i].find("Cinema Paradiso") != std::string::npos);
        CHECK(pages[i].find("Screen 2") != std::string::npos);
        CHECK(pages[i].find("page " + std::to_string(i + 1) + " of " +
                            std::to_string(pages.size())) != std::string::npos);
    }
    // The signature block is the last thing: on the last page, after the charts.
    const auto& last = pages.back();
    CHECK(last.find("Signature") != std::string::npos);
    for (std::size_t i = 0; i + 1 < pages.size(); ++i) {
        CHECK(pages[i].find("Signature") == std::string::npos);
    }
    fs::remove_all(out);
}

TEST_CASE("certify refuses a non-empty --out, --force keeps the old files in previous-*",
          "[report][evidence]") {
    const fs::path out = certify("st431-1-review", "projector-reference.json", "refuse");
    const std::string before = shell("cat " + (out / "report.json").string());
    const Run again =
        cli("certify --profile st431-1-review --simulate " +
            virtualTheatre("projector-reference.json") + " --quiet --out " + out.string());
    INFO(again.output);
    CHECK(again.exit_code == 4);
    CHECK(again.output.find("--force") != std::string::npos);
    CHECK(shell("cat " + (out / "report.json").string()) == before);  // untouched

    const Run forced =
        cli("certify --profile st431-1-review --simulate " +
            virtualTheatre("projector-reference.json") + " --quiet --force --out " + out.string());
    INFO(forced.output);
    REQUIRE(forced.exit_code == 0);
    int previous = 0;
    for (const auto& e : fs::directory_iterator(out)) {
        if (e.path().filename().string().rfind("previous-", 0) == 0) {
            ++previous;
            CHECK(shell("cat " + (e.path() / "report.json").string()) == before);
        }
    }
    CHECK(previous == 1);
    fs::remove_all(out);
}

TEST_CASE("A rewritten report never keeps a stale signature", "[report][evidence][signing]") {
    const fs::path home = freshDir("stale-sig-home");
    fs::create_directories(home);
    const fs::path out = certify("st431-1-review", "projector-reference.json", "stale-sig");
    const std::string env = "HOME=" + home.string() + " ";
    REQUIRE(std::system((env + CINEMEASURE_CLI + " keygen --name t >/dev/null 2>&1").c_str()) == 0);
    const fs::path key = home / ".config/cinemeasure/keys/t.key";
    REQUIRE(std::system((env + CINEMEASURE_CLI + " sign " + (out / "report.json").string() +
                         " --key " + key.string() + " >/dev/null 2>&1")
                            .c_str()) == 0);
    REQUIRE(fs::exists(out / "report.json.sig"));
    const auto j = readJson(out / "report.json");
    const std::string session = j["run"]["session_id"];
    // export over the signed file: refused without --force; with it, the old .sig goes too.
    const Run refused =
        cli("export " + session + " --format json --out " + (out / "report.json").string());
    CHECK(refused.exit_code == 4);
    CHECK(fs::exists(out / "report.json.sig"));
    const Run forced =
        cli("export " + session + " --format json --force --out " + (out / "report.json").string());
    INFO(forced.output);
    REQUIRE(forced.exit_code == 0);
    CHECK_FALSE(fs::exists(out / "report.json.sig"));
    fs::remove_all(out);
    fs::remove_all(home);
}

TEST_CASE("resume never writes over a newer report in the session's folder",
          "[report][evidence][session]") {
    const fs::path out = freshDir("resume-refuse");
    const Run killed = cli("certify --profile st431-1-review --simulate " +
                           virtualTheatre("projector-reference.json") +
                           " --instrument pr6xx --time-scale 0.001 --seed 3 --quiet "
                           "--fault unplug --fault-at 4 --out " +
                           out.string());
    REQUIRE(killed.exit_code == 3);
    const auto at = killed.output.find("cinemeasure resume ");
    REQUIRE(at != std::string::npos);
    const std::string sid = killed.output.substr(at + 19, 20);
    // Meanwhile another run's report landed in the folder.
    std::ofstream(out / "report.json") << "{\"newer\": true}\n";
    const Run refused = cli("resume " + sid + " --quiet");
    INFO(refused.output);
    CHECK(refused.exit_code == 4);
    CHECK(readJson(out / "report.json")["newer"] == true);
    const Run forced = cli("resume " + sid + " --quiet --force");
    INFO(forced.output);
    REQUIRE(forced.exit_code == 0);
    CHECK(readJson(out / "report.json")["run"]["session_id"] == sid);
    bool kept = false;
    for (const auto& e : fs::directory_iterator(out)) {
        if (e.path().filename().string().rfind("previous-", 0) == 0) {
            kept = readJson(e.path() / "report.json")["newer"] == true;
        }
    }
    CHECK(kept);
    fs::remove_all(out);
}
