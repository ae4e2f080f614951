#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "app/bookmarks.hpp"
#include "core/png_io.hpp"

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
    CHECK(fc.filename() == "a_b_c.png");
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
