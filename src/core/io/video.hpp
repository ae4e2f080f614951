// Encoding numbered PNG frames into a video with the ffmpeg program, when it is installed.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace primordial::core {

// Whether `program` is an executable file in a folder of $PATH.
bool program_installed(const std::string& program);

// The video formats --video and the panel offer, by extension: the one list.
inline constexpr std::string_view kVideoFormats[] = {".mp4", ".webm", ".mkv", ".mov", ".gif"};
inline constexpr std::string_view kVideoFormatNames = ".mp4, .webm, .mkv, .mov or .gif";
bool video_format_known(const std::filesystem::path& video);

// Encodes `frames_dir`/frame-%05d.png (from frame 0) at `fps` into `video` (mp4, webm, mkv,
// mov or gif, by extension). Writes under a temporary name and renames into place; throws
// std::runtime_error with ffmpeg's complaint on failure.
void encode_video(const std::filesystem::path& frames_dir, const std::filesystem::path& video,
                  int fps);

}  // namespace primordial::core
