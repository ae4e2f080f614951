#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>

#include "core/eval/evaluate.hpp"
#include "core/eval/row_renderer.hpp"
#include "core/io/params_json.hpp"
#include "core/io/png_io.hpp"
#include "core/io/preset.hpp"
#include "core/net/lineage.hpp"
#include "core/views/sheet.hpp"

using namespace primordial::core;

namespace {

NetworkParams small() {
    NetworkParams n;
    n.depth = 5;
    n.widths = {12};
    n.seed = 7;
    return n;
}

// Ten generations: plain steps, shape changes and a cross with a cousin.
NetworkParams bred() {
    NetworkParams n = small();
    for (int g = 0; g < 10; ++g) n = mutate(n, child_key(3, g), 0.1 + 0.05 * g, g % 3 == 1);
    NetworkParams cousin = mutate(small(), 99, 0.4, false);
    cousin.seed = 11;
    return cross(n, cousin);
}

double variance(const std::vector<float>& v) {
    double sum = 0, sq = 0;
    for (float x : v) sum += x, sq += double(x) * x;
    const double mean = sum / v.size();
    return sq / v.size() - mean * mean;
}

std::vector<std::uint8_t> render(const Network& net, const ViewParams& v, int w, int h) {
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(w) * h * 3);
    Evaluator(net, v).render_rows(w, h, 0, h, rgb.data(), {1, ColorMap::grey});
    return rgb;
}

std::string file_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST_CASE("strength 0 leaves the network as it was, bit for bit") {
    const NetworkParams parent = small();
    const NetworkParams child = mutate(parent, 12345, 0.0, false);
    CHECK(child.lineage.size() == 1);
    CHECK(build_network(child).layers == build_network(parent).layers);
    // A step that does change it changes every layer.
    const Network moved = build_network(mutate(parent, 12345, 0.2, false));
    const Network before = build_network(parent);
    for (std::size_t l = 0; l < before.layers.size(); ++l)
        CHECK(moved.layers[l].weights != before.layers[l].weights);
}

TEST_CASE("a child's weights keep the parent's spread") {
    NetworkParams parent = small();
    parent.depth = 3;
    parent.widths = {400};
    const double v0 = variance(build_network(parent).layers[1].weights);  // 160 000 weights
    for (double strength : {0.1, 0.5, 1.0}) {
        CAPTURE(strength);
        const double v =
            variance(build_network(mutate(parent, 77, strength, false)).layers[1].weights);
        CHECK(v == doctest::Approx(v0).epsilon(0.03));
    }
    // Ten generations on: still the same spread (a straight blend would have shrunk it).
    NetworkParams n = parent;
    for (int g = 0; g < 10; ++g) n = mutate(n, child_key(5, g), 0.3, false);
    CHECK(variance(build_network(n).layers[1].weights) == doctest::Approx(v0).epsilon(0.03));
}

TEST_CASE("a network crossed with itself is itself") {
    const NetworkParams n = mutate(small(), 4, 0.3, false);
    CHECK(build_network(cross(n, n)).layers == build_network(n).layers);
    // With another, it lies between the two.
    NetworkParams other = n;
    other.seed = 8;
    const Network c = build_network(cross(n, other));
    CHECK(c.layers[0].weights != build_network(n).layers[0].weights);
    CHECK(c.layers[0].weights != build_network(other).layers[0].weights);
}

TEST_CASE("shape changes: each kind happens, and the parent is found again") {
    const NetworkParams parent = small();
    std::set<ShapeChange> seen;
    for (int k = 0; k < 64; ++k) {
        const NetworkParams child = mutate(parent, child_key(1, k), 0.2, true);
        const Mutation& m = child.lineage.back();
        seen.insert(m.change);
        switch (m.change) {
            case ShapeChange::deeper:
                CHECK(child.depth == parent.depth + 1);
                break;
            case ShapeChange::shallower:
                CHECK(child.depth == parent.depth - 1);
                break;
            case ShapeChange::wider: {
                int added = 0;
                for (int l = 0; l < parent.depth - 1; ++l)
                    added += child.width_of(l) - parent.width_of(l);
                CHECK(added == 1);
                break;
            }
            case ShapeChange::activation:
                CHECK(child.activations != parent.activations);
                break;
            case ShapeChange::none:
                break;
        }
        validate(Params{child, {}, 32, 32});
        // Undo along the lineage: exactly the parent, shape included.
        REQUIRE(parent_of(child));
        CHECK(*parent_of(child) == parent);
    }
    CHECK(seen == std::set<ShapeChange>{ShapeChange::deeper, ShapeChange::shallower,
                                        ShapeChange::wider, ShapeChange::activation});
    // The weights the child shares with its parent's shape keep the same history: a unit added
    // to a layer leaves the other units' incoming weights as they were.
    for (int k = 0; k < 64; ++k) {
        const NetworkParams child = mutate(parent, child_key(2, k), 0.0, true);
        if (child.lineage.back().change != ShapeChange::deeper) continue;
        const Network a = build_network(parent), b = build_network(child);
        CHECK(b.layers[0].weights == a.layers[0].weights);
        break;
    }
}

TEST_CASE("ancestors walk back up the lineage, nearest first") {
    const NetworkParams n = bred();
    const auto line = ancestors(n, 100);
    REQUIRE(line.size() == 11);
    CHECK(line[0].lineage.size() == 10);
    CHECK(line.back() == small());
    CHECK(ancestors(n, 3).size() == 3);
    CHECK(ancestors(small(), 3).empty());
}

TEST_CASE("a lineage round-trips through JSON and a PNG byte for byte") {
    Params p;
    p.network = bred();
    p.image_width = 24;
    p.image_height = 16;
    const std::string json = params_to_json(p);
    const Params back = params_from_json(json, "bred.json");
    CHECK(back == p);
    CHECK(params_to_json(back) == json);
    CHECK(build_network(back.network).layers == build_network(p.network).layers);

    std::filesystem::create_directories(PRIMORDIAL_TEST_TMP);
    const auto dir = std::filesystem::path(PRIMORDIAL_TEST_TMP);
    const auto write = [&](const Params& q, const std::filesystem::path& path) {
        const auto rows = cpu_rows(build_network(q.network), q.view, q.image_width, q.image_height,
                                   {1, q.colormap});
        REQUIRE(write_png(*rows, path, params_to_json(q)));
    };
    write(p, dir / "bred.png");
    const State s = state_from_file(dir / "bred.png");
    CHECK(s.params == p);
    write(s.params, dir / "bred-again.png");  // re-rendered from its own file: the same bytes
    CHECK(file_bytes(dir / "bred.png") == file_bytes(dir / "bred-again.png"));
}

TEST_CASE("a cross of crosses: flat in memory, nested in the file, the mate's own network") {
    // The mate has a lineage with a cross of its own: its steps follow the cross.
    NetworkParams grand = mutate(small(), 5, 0.3, false);
    grand.seed = 13;
    NetworkParams mate = cross(mutate(small(), 4, 0.2, false), grand, 0.4);
    mate.seed = 11;
    const NetworkParams child = cross(mutate(small(), 6, 0.1, false), mate, 0.5);
    REQUIRE(child.lineage.size() == 5);
    CHECK(generation(child) == 2);
    CHECK(child.lineage[1].mate_steps == 3);
    CHECK(child.lineage[3].mate_steps == 1);
    CHECK(last_step(child.lineage) == 1);
    CHECK(parent_of(child)->lineage == mutate(small(), 6, 0.1, false).lineage);

    // The child is its parent slerped halfway to the mate drawn in its shape, lineage and all.
    NetworkParams drawn = mate;
    drawn.widths = small().widths;
    Network expected = build_network(mutate(small(), 6, 0.1, false));
    const Network towards = build_network(drawn);
    for (std::size_t l = 0; l < expected.layers.size(); ++l)
        slerp_layer(expected.layers[l], towards.layers[l], 0.5);
    CHECK(build_network(child).layers == expected.layers);

    // The file nests the mate's steps inside its cross, and reads back into the same flat list.
    Params p;
    p.network = child;
    const std::string json = params_to_json(p);
    const auto file = nlohmann::json::parse(json)["network"]["lineage"];
    CHECK(file.size() == 2);
    CHECK(file[1]["cross"]["lineage"][1]["cross"]["seed"] == 13);
    CHECK(file[1]["cross"]["lineage"][1]["cross"]["lineage"][0]["key"] == 5);
    CHECK(params_from_json(json, "c.json").network == child);

    // A mate's steps must follow their cross within the lineage that holds it.
    Params bad = p;
    bad.network.lineage[3].mate_steps = 2;
    CHECK_THROWS_WITH(validate(bad), "lineage: a cross's mate has more steps than follow it");
    bad.network.lineage[3].mate_steps = 0;
    bad.network.lineage[0].mate_steps = 1;
    CHECK_THROWS_WITH(validate(bad), "lineage: only a cross has a mate's steps");
}

TEST_CASE("bad lineages are named") {
    Params p;
    p.network = mutate(small(), 3, 0.2, false);
    std::string json = params_to_json(p);
    const auto replace = [&](const std::string& from, const std::string& to) {
        std::string j = json;
        j.replace(j.find(from), from.size(), to);
        try {
            params_from_json(j, "b.json");
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    CHECK(replace("\"strength\": 0.2", "\"strength\": 1.5") ==
          "b.json: network.lineage: a step's strength must be between 0 and 1");
    CHECK(replace("\"key\": 3,", "") ==
          "b.json: network.lineage[0]: needs either \"key\" (a fresh draw) or \"cross\" (a mate)");
    CHECK(replace("\"key\": 3", "\"key\": -3").find("network.lineage[0].key") != std::string::npos);
}

TEST_CASE(
    "the breed view: the parent amid its children, tiles are plain renders of their parameters") {
    Params base;
    base.network = mutate(mutate(small(), 1, 0.2, false), 2, 0.2, false);
    ViewSpec spec;
    spec.kind = ViewKind::breed;
    spec.breed.strength = 0.25;
    const Sheet s = build_sheet(base, spec, 400, 360);
    int children = 0, parents = 0, strip = 0;
    std::set<std::uint64_t> keys;
    for (const SheetTile& t : s.tiles) {
        CHECK(render(t.network, t.params.view, 16, 16) ==
              render(build_network(t.params.network), t.params.view, 16, 16));
        if (t.main) {
            ++parents;
            CHECK(t.params.network == base.network);
        } else if (t.ancestor) {
            ++strip;
        } else {
            ++children;
            CHECK(*parent_of(t.params.network) == base.network);
            CHECK(t.params.network.lineage.back().strength == 0.25);
            keys.insert(t.params.network.lineage.back().key);
        }
    }
    CHECK(parents == 1);
    CHECK(children == 8);
    CHECK(keys.size() == 8);  // eight different children
    CHECK(strip == 2);        // the two ancestors
    CHECK(s.tiles[4].main);   // in the centre
    // Another roll, other children; 4 x 4: fifteen.
    spec.breed.roll = 2;
    CHECK(build_sheet(base, spec, 400, 360).tiles[0].params.network != s.tiles[0].params.network);
    spec.breed.size = 4;
    CHECK(build_sheet(base, spec, 400, 360).tiles.size() == 16 + 2);
}

TEST_CASE("the breeding strength's words agree with what it does to the weights") {
    // A step keeps the weights' correlation with the parent at cos(strength * 90°).
    CHECK(kinship(0.1) == "near twin");         // 0.988: issue 23 found "cousin" here
    CHECK(kinship(0.3) == "sibling");           // 0.891
    CHECK(kinship(0.5) == "cousin");            // 0.707
    CHECK(kinship(0.8) == "distant relative");  // 0.309
    CHECK(kinship(1.0) == "stranger");          // 0
    CHECK(kinship_correlation(0.5) == doctest::Approx(std::sqrt(0.5)));
    // Measured on a real child: its weights correlate with the parent's as the words say.
    NetworkParams p;
    p.depth = 4;
    p.widths = {200};
    for (double strength : {0.1, 0.5, 0.9}) {
        const Network parent = build_network(p),
                      child = build_network(mutate(p, 7, strength, false));
        double sxy = 0, sxx = 0, syy = 0;
        for (std::size_t l = 0; l < parent.layers.size(); ++l)
            for (std::size_t i = 0; i < parent.layers[l].weights.size(); ++i) {
                const double x = parent.layers[l].weights[i], y = child.layers[l].weights[i];
                sxy += x * y, sxx += x * x, syy += y * y;
            }
        CAPTURE(strength);
        CHECK(sxy / std::sqrt(sxx * syy) ==
              doctest::Approx(kinship_correlation(strength)).epsilon(0.03));
    }
}
