#include "app/file_browser.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "app/ui_style.hpp"

namespace primordial::app {
namespace fs = std::filesystem;

std::vector<FolderEntry> list_folder(const fs::path& dir, std::size_t limit) {
    std::vector<FolderEntry> folders, files;
    std::error_code ec;
    for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end && folders.size() + files.size() < limit; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code e;
        if (it->is_directory(e)) {
            folders.push_back({name, it->path(), true});
            continue;
        }
        std::string ext = it->path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(),
                       [](unsigned char c) { return std::tolower(c); });
        if (ext == ".png" || ext == ".json" || ext == ".html" || ext == ".htm")
            files.push_back({name, it->path(), false});
    }
    const auto by_name = [](const FolderEntry& a, const FolderEntry& b) { return a.name < b.name; };
    std::sort(folders.begin(), folders.end(), by_name);
    std::sort(files.begin(), files.end(), by_name);
    folders.insert(folders.end(), files.begin(), files.end());
    return folders;
}

void FileBrowser::open(const fs::path& dir, const std::vector<std::string>& recent) {
    visible_ = opening_ = true;
    typed_.clear();
    recent_.clear();  // looked up once, not on every frame
    for (const std::string& r : recent) {
        std::error_code ec;
        if (fs::is_regular_file(r, ec))
            recent_.push_back({fs::path(r).filename().string(), fs::path(r), false});
    }
    go(dir);
}

void FileBrowser::go(const fs::path& dir) {
    std::error_code ec;
    dir_ = fs::is_directory(dir, ec) ? fs::absolute(dir, ec) : fs::current_path(ec);
    entries_ = list_folder(dir_);
}

std::optional<fs::path> FileBrowser::choose(const fs::path& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        go(path);
        typed_.clear();
        return std::nullopt;
    }
    visible_ = false;
    ImGui::CloseCurrentPopup();
    return path;
}

std::optional<fs::path> FileBrowser::draw() {
    if (!visible_) return std::nullopt;
    constexpr const char* kTitle = "Open a file";
    if (opening_) ImGui::OpenPopup(kTitle), opening_ = false;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x * 0.6f, io.DisplaySize.y * 0.8f),
                             ImGuiCond_Always);
    if (!ImGui::BeginPopupModal(kTitle, &visible_, ImGuiWindowFlags_NoSavedSettings)) {
        visible_ = false;  // closed by Esc (the explorer closes the innermost popup)
        return std::nullopt;
    }
    std::optional<fs::path> chosen;
    // The path field: a name in this folder, or any path; Enter opens it (or goes into a folder).
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    char buf[1024];
    std::snprintf(buf, sizeof buf, "%s", typed_.c_str());
    ImGui::SetNextItemWidth(-1);
    const bool enter = ImGui::InputTextWithHint("##path", "a name or a path, then Enter", buf,
                                                sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue);
    typed_ = buf;
    if (enter && !typed_.empty()) {
        fs::path p = typed_;
        if (p.is_relative()) p = dir_ / p;
        chosen = choose(p);
    }
    if (ImGui::Button("up")) go(dir_.parent_path());
    ImGui::SameLine();
    ImGui::TextUnformatted(dir_.string().c_str());

    const float thumb = 3.0f * ImGui::GetFrameHeight();
    ImGui::BeginChild("files", ImVec2(0, -ImGui::GetFrameHeightWithSpacing()), true);
    std::optional<fs::path> clicked;  // acted on after the lists: going into a folder changes them
    const auto row = [&](const FolderEntry& e, const char* id_prefix) {
        ImGui::PushID((id_prefix + e.path.string()).c_str());
        const unsigned tex = e.folder ? 0 : thumbnails_.texture(e.path);
        if (tex)
            ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(tex)),
                         ImVec2(thumb, thumb));
        else
            ImGui::Dummy(ImVec2(thumb, thumb));
        ImGui::SameLine();
        const std::string label = e.folder ? e.name + "/" : e.name;
        if (ImGui::Selectable(label.c_str(), false, 0, ImVec2(0, thumb))) clicked = e.path;
        ImGui::PopID();
    };
    if (!recent_.empty()) {
        ImGui::TextDisabled("recent");
        for (const FolderEntry& e : recent_) row(e, "recent:");
        ImGui::Separator();
    }
    if (entries_.empty()) ImGui::TextDisabled("no folders or Primordial files here");
    ImGuiListClipper clipper;  // a long folder costs only the rows on screen
    clipper.Begin(static_cast<int>(entries_.size()), thumb + ImGui::GetStyle().ItemSpacing.y);
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
            row(entries_[static_cast<std::size_t>(i)], "");
    ImGui::EndChild();
    if (clicked && !chosen) chosen = choose(*clicked);
    if (ImGui::Button("cancel (Esc)")) {
        visible_ = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return chosen;
}

}  // namespace primordial::app
