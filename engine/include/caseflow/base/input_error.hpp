#pragma once
// An error in something a user wrote: a scenario file, a CSV, a command-line value.
// It always names the source and the place in it, so the message can be acted on without a debugger.

#include <stdexcept>
#include <string>

namespace caseflow {

class InputError : public std::runtime_error {
 public:
  // `source`: the file name (or "<scenario>" for in-memory data); `place`: a JSON path such as
  // "/transitions/3/time/mean_days", or "line 12, column 4".
  InputError(std::string source, std::string place, std::string message)
      : std::runtime_error(compose(source, place, message)),
        source_(std::move(source)),
        place_(std::move(place)),
        message_(std::move(message)) {}

  const std::string& source() const { return source_; }
  const std::string& place() const { return place_; }
  const std::string& message() const { return message_; }

 private:
  static std::string compose(const std::string& source, const std::string& place, const std::string& message) {
    std::string text = source;
    if (!place.empty()) text += (text.empty() ? "" : ": ") + place;
    return text.empty() ? message : text + ": " + message;
  }
  std::string source_, place_, message_;
};

}  // namespace caseflow
