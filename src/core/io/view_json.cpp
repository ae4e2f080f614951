#include "core/io/view_json.hpp"

#include <algorithm>

#include "core/io/json_sections.hpp"

namespace primordial::core {
namespace {

double sweep_value(const JsonReader& r, SweepParam param, const Json& v, const std::string& key) {
    return param == SweepParam::activation ? activation_value(r.name<kActivationTable>(v, key))
                                           : r.number(v, key);
}

Json sweep_values_json(SweepParam param, const std::vector<double>& values) {
    if (param != SweepParam::activation) return values;
    std::vector<std::string> names;
    for (double v : values)
        names.emplace_back(to_string(static_cast<Activation>(static_cast<int>(v))));
    return names;
}

Sweep read_sweep(const JsonReader& r, const Json& j, const std::string& path) {
    r.object(j, path, {"param", "values", "from", "to", "count", "spacing", "with"});
    const auto at = [&](std::string_view key) { return key_path(path, key); };
    const SweepParam param =
        r.name<kSweepParamTable>(r.required(j, path, "param", kSweepParamNames), at("param"));
    Sweep s{param, {}, {}};
    if (j.contains("values")) {
        if (!j["values"].is_array()) r.fail(at("values"), "must be a list");
        for (const Json& v : j["values"])
            s.values.push_back(sweep_value(r, param, v, at("values")));
    } else {
        if (!j.contains("from") || !j.contains("to") || !j.contains("count"))
            r.fail(path, "needs \"values\", or \"from\", \"to\" and \"count\"");
        bool geometric = false;
        if (j.contains("spacing")) {
            const Json& sp = j["spacing"];
            if (!sp.is_string() || (sp != "linear" && sp != "geometric"))
                r.fail(at("spacing"), "must be \"linear\" or \"geometric\"");
            geometric = sp == "geometric";
        }
        const double from = r.number(j["from"], at("from"));
        const double to = r.number(j["to"], at("to"));
        if (geometric && !(from > 0 && to > 0))
            r.fail(path, "geometric spacing needs positive ends");
        const int count = static_cast<int>(r.integer(j["count"], at("count"), 1, kMaxSheetTiles));
        s = make_sweep(param, from, to, count, geometric);
    }
    if (s.values.empty()) r.fail(at("values"), "needs at least one value");
    if (j.contains("with")) {
        const Json& with = j["with"];
        if (!with.is_array()) r.fail(at("with"), "must be a list of {\"param\", \"values\"}");
        for (const Json& w : with) {
            const std::string wat = at("with") + "[" + std::to_string(s.with.size()) + "]";
            r.object(w, wat, {"param", "values"});
            SweepWith sw;
            sw.param = r.name<kSweepParamTable>(r.required(w, wat, "param", kSweepParamNames),
                                                key_path(wat, "param"));
            const std::string vat = key_path(wat, "values");
            const Json& vals = r.required(w, wat, "values");
            if (!vals.is_array() || vals.size() != s.values.size())
                r.fail(vat, "must be a list of " + std::to_string(s.values.size()) +
                                " values, one for each of the sweep's");
            for (const Json& v : vals) sw.values.push_back(sweep_value(r, sw.param, v, vat));
            s.with.push_back(std::move(sw));
        }
    }
    return s;
}

Json sweep_json(const Sweep& s) {
    Json j;
    j["param"] = std::string(to_string(s.param));
    j["values"] = sweep_values_json(s.param, s.values);
    for (const SweepWith& w : s.with)
        j["with"].push_back({{"param", std::string(to_string(w.param))},
                             {"values", sweep_values_json(w.param, w.values)}});
    return j;
}

}  // namespace

ViewSpec read_view_spec(const JsonReader& r, const Json& j, const std::string& path) {
    r.object(j, path,
             {"kind", "columns", "rows", "wrap", "layer", "frames", "camera", "curve", "function",
              "breed", "surface_extent"});
    const auto at = [&](std::string_view key) { return key_path(path, key); };
    ViewSpec v;
    v.kind = r.name<kViewKindTable>(r.required(j, path, "kind", kViewKindNames), at("kind"));
    if (j.contains("columns")) v.columns = read_sweep(r, j["columns"], at("columns"));
    if (j.contains("rows")) v.rows = read_sweep(r, j["rows"], at("rows"));
    if (j.contains("wrap"))
        v.wrap = static_cast<int>(r.integer(j["wrap"], at("wrap"), 0, kMaxSheetTiles));
    if (j.contains("layer")) v.layer = r.whole(j["layer"], at("layer"), Setting::depth);
    if (j.contains("frames"))
        v.frames = static_cast<int>(r.integer(j["frames"], at("frames"), 1, kMaxProgressionFrames));
    if (j.contains("camera")) {
        const Json& c = j["camera"];
        const std::string camera = at("camera");
        r.object(c, camera, {"yaw", "pitch"});
        if (c.contains("yaw")) v.camera.yaw = r.number(c["yaw"], key_path(camera, "yaw"));
        if (c.contains("pitch"))
            v.camera.pitch = std::clamp(r.number(c["pitch"], key_path(camera, "pitch")), 5.0, 90.0);
    }
    if (j.contains("curve")) v.curve = r.boolean(j["curve"], at("curve"));
    if (j.contains("surface_extent")) {
        v.surface_extent = r.real(j["surface_extent"], at("surface_extent"), Setting::extent);
    }
    if (j.contains("function"))
        v.function = r.name<kActivationTable>(j["function"], at("function"));
    if (j.contains("breed")) {
        const Json& b = j["breed"];
        const std::string breed = at("breed");
        r.object(b, breed, {"strength", "structural", "roll", "size"});
        if (b.contains("strength")) {
            v.breed.strength = r.number(b["strength"], key_path(breed, "strength"));
            if (v.breed.strength < 0 || v.breed.strength > 1)
                r.fail(key_path(breed, "strength"), "must be between 0 and 1");
        }
        if (b.contains("structural"))
            v.breed.structural = r.boolean(b["structural"], key_path(breed, "structural"));
        if (b.contains("roll")) v.breed.roll = r.seed(b["roll"], key_path(breed, "roll"));
        if (b.contains("size"))
            v.breed.size = static_cast<int>(r.integer(b["size"], key_path(breed, "size"), 3, 4));
    }
    if (v.kind == ViewKind::grid && !j.contains("columns"))
        r.fail(at("columns"), "a grid needs a sweep");
    return v;
}

Json view_spec_json(const ViewSpec& v) {
    Json j;
    j["kind"] = std::string(to_string(v.kind));
    j["columns"] = sweep_json(v.columns);
    if (v.rows) j["rows"] = sweep_json(*v.rows);
    j["wrap"] = v.wrap;
    j["layer"] = v.layer;
    j["frames"] = v.frames;
    j["camera"] = {{"yaw", v.camera.yaw}, {"pitch", v.camera.pitch}};
    if (v.curve) j["curve"] = true;
    if (v.surface_extent) j["surface_extent"] = *v.surface_extent;
    if (v.function) j["function"] = std::string(to_string(*v.function));
    if (v.kind == ViewKind::breed || !(v.breed == Breeding{}))
        j["breed"] = {{"strength", v.breed.strength},
                      {"structural", v.breed.structural},
                      {"roll", v.breed.roll},
                      {"size", v.breed.size}};
    return j;
}

Animation read_animation(const JsonReader& r, const Json& j, const std::string& path) {
    r.object(j, path, {"param", "from", "to", "frames"});
    const auto at = [&](std::string_view key) { return key_path(path, key); };
    Animation a;
    a.param = r.name<kAnimParamTable>(r.required(j, path, "param", kAnimParamNames), at("param"));
    // A centre moves between points; everything else between numbers.
    const auto end = [&](std::string_view key) {
        const Json& v = r.required(j, path, key);
        if (a.param == AnimParam::center) return r.number_pair(v, at(key));
        return std::pair{r.number(v, at(key)), 0.0};
    };
    std::tie(a.from, a.from_y) = end("from");
    std::tie(a.to, a.to_y) = end("to");
    if (j.contains("frames"))
        a.frames = static_cast<int>(r.integer(j["frames"], at("frames"), 1, kMaxFrames));
    return a;
}

Json animation_json(const Animation& a) {
    Json j;
    j["param"] = std::string(to_string(a.param));
    if (a.param == AnimParam::center) {
        j["from"] = {a.from, a.from_y};
        j["to"] = {a.to, a.to_y};
    } else {
        j["from"] = a.from;
        j["to"] = a.to;
    }
    j["frames"] = a.frames;
    return j;
}

std::string view_to_json(const ViewSpec& v) {
    return view_spec_json(v).dump();
}

ViewSpec view_from_json(std::string_view text, const std::string& source) {
    const JsonReader r(source);
    return read_view_spec(r, r.parse(text), "view");
}

}  // namespace primordial::core
