#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "app/bookmarks.hpp"
#include "core/io/png_io.hpp"

using namespace primordial;
using namespace primordial::app;
namespace fs = std::filesystem;

TEST_CASE("bookmarks are saved, listed, restored and deleted, and survive a restart") {
    const fs::path dir = fs::path(PRIMORDIAL_TEST_TMP) / "app" / "bookmarks";
    fs::remove_all(dir);
    CHECK(list_bookmarks(dir).empty());  // no folder yet: no bookmarks, no error
    core::State a;
    a.params.network.seed = 42;
    a.params.network.depth = 6;
    a.params.image_width = 900;
    a.view.kind = core::ViewKind::grid;
    a.view.columns = core::make_sweep(core::SweepParam::depth, 1, 6, 6, false);
    core::State b = a;
    b.params.network.seed = 43;
    b.view.kind = core::ViewKind::picture;
    const fs::path fa = save_bookmark(dir, "deep grid", a);
    const fs::path fb = save_bookmark(dir, "deep grid", b);  // same name: kept apart
    const fs::path fc = save_bookmark(dir, "a/b:c", b);      // made safe for a file name
    CHECK(fa.filename() == "deep grid.png");
    CHECK(fb.filename() == "deep grid-2.png");
    CHECK(fc.filename() == "a_b:c.png");  // no folder made by a slash
    // A restart reads the folder afresh.
    const auto listed = list_bookmarks(dir);
    REQUIRE(listed.size() == 3);
    const auto it = std::find_if(listed.begin(), listed.end(),
                                 [](const Bookmark& x) { return x.name == "deep grid"; });
    REQUIRE(it != listed.end());
    CHECK(load_bookmark(*it) == a);
    // A state without a picture size still makes a valid parameter file.
    core::State sizeless = b;
    sizeless.params.image_width = sizeless.params.image_height = 0;
    const fs::path fd = save_bookmark(dir, "sizeless", sizeless);
    CHECK(load_bookmark({"sizeless", fd}).params.image_width == 1024);
    delete_bookmark({"sizeless", fd});
    // The thumbnail is a real picture.
    const auto img = core::read_png(fa);
    CHECK(img.width == kThumbnailWidth);
    CHECK(img.height == kThumbnailHeight);
    delete_bookmark(*it);
    CHECK(list_bookmarks(dir).size() == 2);
    CHECK_FALSE(fs::exists(fa));
}

TEST_CASE("a damaged bookmark is reported, not trusted") {
    const fs::path dir = fs::path(PRIMORDIAL_TEST_TMP) / "app" / "bookmarks_bad";
    fs::remove_all(dir);
    fs::create_directories(dir);
    { std::ofstream(dir / "broken.png") << "not a png"; }
    const auto listed = list_bookmarks(dir);
    REQUIRE(listed.size() == 1);
    CHECK_THROWS_AS(load_bookmark(listed[0]), core::InputError);
}

TEST_CASE("a bookmark is named by what it holds, and renamed") {
    core::State s;
    s.params.network.seed = 7;
    s.params.network.depth = 40;
    s.params.network.widths = {30};
    s.params.view.extent = 0.25;
    CHECK(describe_bookmark(s) == "seed 7 · 40×30 · zoom ×4");
    s.params.view.extent = 1;
    s.params.network.activations = {core::Activation::relu};
    s.params.network.scale = 1.5;
    s.view.kind = core::ViewKind::grid;
    CHECK(describe_bookmark(s) == "seed 7 · 40×30 · relu · scale 1.5 · grid");
    s.params.network.depth = 3;
    s.params.network.widths = {30, 20};
    s.params.network.outputs = 1;
    s.view.kind = core::ViewKind::picture;
    CHECK(describe_bookmark(s) == "seed 7 · 3×30… · relu · scale 1.5 · grey");

    const fs::path dir = fs::path(PRIMORDIAL_TEST_TMP) / "app" / "bookmark_names";
    fs::remove_all(dir);
    const fs::path f = save_bookmark(dir, describe_bookmark(s), s);
    CHECK(f.filename() == "seed 7 · 3×30… · relu · scale 1.5 · grey.png");  // UTF-8 kept
    CHECK(save_bookmark(dir, "../..", s).filename() == "_...png");  // never outside the folder
    CHECK(save_bookmark(dir, "   ", s).filename() == "bookmark.png");
    const std::string long_name(200, 'x');
    CHECK(save_bookmark(dir, long_name, s).filename().string().size() == 120 + 4);

    const Bookmark b{f.stem().string(), f};
    const fs::path renamed = rename_bookmark(b, "the warm one");
    CHECK(renamed == dir / "the warm one.png");
    CHECK_FALSE(fs::exists(f));
    CHECK(load_bookmark({"the warm one", renamed}).params == s.params);  // the same network
    // A taken name is kept apart; the same name is no change; no name is refused.
    const fs::path other = save_bookmark(dir, "other", s);
    CHECK(rename_bookmark({"other", other}, "the warm one") == dir / "the warm one-2.png");
    CHECK(rename_bookmark({"the warm one", renamed}, "the warm one") == renamed);
    CHECK_THROWS_AS(rename_bookmark({"the warm one", renamed}, "  "), core::InputError);
    CHECK(fs::exists(renamed));
}
