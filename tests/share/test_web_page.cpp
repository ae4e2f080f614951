#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "core/io/atomic_file.hpp"
#include "core/io/params_json.hpp"
#include "core/io/preset.hpp"
#include "core/net/lineage.hpp"
#include "share/base64.hpp"
#include "share/web_page.hpp"

using namespace primordial;

TEST_CASE("base64 as RFC 4648 writes it") {
    CHECK(share::base64("", 0).empty());
    CHECK(share::base64("f", 1) == "Zg==");
    CHECK(share::base64("fo", 2) == "Zm8=");
    CHECK(share::base64("foo", 3) == "Zm9v");
    CHECK(share::base64("foobar", 6) == "Zm9vYmFy");
    const unsigned char bytes[] = {0xff, 0xfe, 0x00, 0x80};
    CHECK(share::base64(bytes, 4) == "//4AgA==");
}

TEST_CASE("a web page carries its parameters and is read back as a state") {
    core::Params p;
    p.network.depth = 9;
    p.network.seed = 77;
    p.network = core::mutate(core::mutate(p.network, 5, 0.2, true), 6, 0.3, false);  // bred
    p.view.center_x = 0.125;
    p.view.extent = 2.5;
    p.image_width = 640;
    p.image_height = 480;
    const std::string page = share::web_page(p);
    CHECK(page.starts_with("<!doctype html>"));
    CHECK(page.find("http://") == std::string::npos);  // nothing fetched from anywhere
    CHECK(page.find("https://") == std::string::npos);
    CHECK(page.find("<script src") == std::string::npos);
    CHECK(page.find("#version 300 es") != std::string::npos);
    const auto json = core::params_in_page(page);
    REQUIRE(json);
    CHECK(core::params_from_json(*json, "page") == p);

    const std::filesystem::path dir = std::filesystem::path(PRIMORDIAL_TEST_TMP) / "share";
    std::filesystem::create_directories(dir);
    core::write_text_file(dir / "net.html", page);
    CHECK(core::state_from_file(dir / "net.html").params == p);
    core::write_text_file(dir / "other.html", "<!doctype html><p>hello</p>");
    CHECK_THROWS_WITH_AS(core::state_from_file(dir / "other.html"),
                         doctest::Contains("a web page without primordial parameters"),
                         core::InputError);
}

TEST_CASE("text that would end the page's script element is escaped") {
    core::Params p;
    p.network.depth = 2;
    const std::string page = share::web_page(p);
    // Every "</" inside the data blocks would close them early; only the elements' own closers
    // may appear, one per <script>.
    std::size_t scripts = 0, closers = 0;
    for (std::size_t at = 0; (at = page.find("<script", at)) != std::string::npos; ++at) ++scripts;
    for (std::size_t at = 0; (at = page.find("</script>", at)) != std::string::npos; ++at)
        ++closers;
    CHECK(scripts == closers);
}
