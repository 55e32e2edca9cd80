#include "command_line.hpp"

#include <charconv>
#include <iostream>
#include <memory>
#include <sstream>

#include "caseflow/base/closest_match.hpp"

namespace caseflow::cli {

namespace {

// The checks below throw the InputError themselves rather than return a message for CLI11 to wrap: CLI11
// would prefix it with the option's name ("--seed: ..."), and the messages already name the flag the way
// docs/errors.md lists them. An exception from a validator passes through CLI11's parse unchanged.

// CLI11 reads integers with strtoll's base 0 ("010" is 8, "0x10" is 16); these checks accept decimal digits
// only and hand CLI11 the number in plain decimal.
CLI::Validator whole_number_check(const std::string& name, long long min, long long max) {
  return CLI::Validator(
      [=](std::string& text) {
        long long number = 0;
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (error != std::errc() || end != text.data() + text.size() || text.empty())
          throw usage_error(name + " must be a whole number, got \"" + text + "\"");
        if (number < min || number > max)
          throw usage_error(name + " must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " + text);
        text = std::to_string(number);
        return std::string();
      },
      "");
}

CLI::Validator unsigned_check(const std::string& name) {
  return CLI::Validator(
      [=](std::string& text) {
        uint64_t number = 0;
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (error != std::errc() || end != text.data() + text.size() || text.empty())
          throw usage_error(name + " must be a whole number >= 0, got \"" + text + "\"");
        text = std::to_string(number);
        return std::string();
      },
      "");
}

CLI::Validator choice_check(const std::string& name, const std::vector<std::string>& choices) {
  return CLI::Validator(
      [=](std::string& text) {
        for (const auto& choice : choices)
          if (text == choice) return std::string();
        std::string message = name + " must be ";
        for (size_t i = 0; i < choices.size(); ++i)
          message += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
        throw usage_error(message + ", got \"" + text + "\"");
      },
      "");
}

bool looks_like_a_flag(const std::string& word) {
  return word.rfind("--", 0) == 0 && word.size() > 2;
}

// A flag where a value should be means the value was left out: `--out --per-replication` would otherwise
// write to a folder called "--per-replication". (CLI11 takes the next word, whatever it is, as the value.)
CLI::Validator not_a_flag(const std::string& message) {
  return CLI::Validator(
      [=](std::string& text) {
        if (looks_like_a_flag(text)) throw usage_error(message);
        return std::string();
      },
      "");
}

// CLI11's help with the descriptions wrapped to kWidth columns; CLI11 indents the lines after the first.
class WrappingFormatter : public CLI::Formatter {
 public:
  static constexpr size_t kWidth = 80;

  std::string make_description(const CLI::App* app) const override {
    return wrap(CLI::Formatter::make_description(app), kWidth);
  }
  std::string make_option_desc(const CLI::Option* option) const override {
    return wrap(CLI::Formatter::make_option_desc(option), kWidth - column_width_);
  }
  std::string make_subcommand(const CLI::App* command) const override {
    std::stringstream out;
    CLI::detail::format_help(out, command->get_display_name(true), wrap(command->get_description(), kWidth - column_width_),
                             column_width_);
    return out.str();
  }

 private:
  // Breaks lines at spaces so that none is longer than `width` (a longer word stays whole).
  static std::string wrap(const std::string& text, size_t width) {
    std::string wrapped;
    size_t line_start = 0;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      if (!wrapped.empty()) wrapped += '\n';
      line_start = wrapped.size();
      std::istringstream words(line);
      for (std::string word; words >> word;) {
        if (wrapped.size() > line_start && wrapped.size() - line_start + 1 + word.size() > width) {
          wrapped += '\n';
          line_start = wrapped.size();
        } else if (wrapped.size() > line_start) {
          wrapped += ' ';
        }
        wrapped += word;
      }
    }
    if (!text.empty() && text.back() == '\n') wrapped += '\n';
    return wrapped;
  }
};

// The name of an option as CLI11 reports it ("--out" for "-o,--out").
std::string name_of(const CLI::Option& option) { return option.get_name(false, false); }

std::vector<std::string> flag_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::Option* option : command.get_options()) {
    for (const auto& name : option->get_lnames()) names.push_back("--" + name);
    for (const auto& name : option->get_snames()) names.push_back("-" + name);
  }
  return names;
}

std::string full_name(const CLI::App& command) {
  std::string name = command.get_name();
  for (const CLI::App* parent = command.get_parent(); parent; parent = parent->get_parent()) name = parent->get_name() + " " + name;
  return name;
}

// "caseflow compare [OPTIONS] BASE STRATEGY...", as the first line of --help has it.
std::string usage_line(const CLI::App& command) {
  std::string line = full_name(command) + " [OPTIONS]";
  for (const CLI::Option* option : command.get_options())
    if (option->get_positional()) line += " " + option->get_name() + (option->get_items_expected_max() > 1 ? "..." : "");
  return line;
}

// A word the command did not take (CLI11 keeps them aside: every command allows extras): a mistyped flag,
// with the closest flag it has, or a word too many.
void reject_left_over(const CLI::App& command, const std::vector<std::string>& left_over) {
  for (const std::string& word : left_over) {
    if (word.size() < 2 || word[0] != '-' || (word[1] >= '0' && word[1] <= '9')) continue;
    std::string name = word.substr(0, word.find('='));
    std::string message = "unknown option " + name;
    std::vector<std::string> names = flag_names(command);
    std::string suggestion = closest_match(name, names);
    if (!suggestion.empty()) {
      message += "; did you mean " + suggestion + "?";
    } else {
      message += "; " + full_name(command) + " takes";
      for (const auto& known : names)
        if (known.rfind("--", 0) == 0) message += " " + known;
    }
    throw usage_error(message);
  }
  if (!left_over.empty())
    throw usage_error("unexpected \"" + left_over.front() + "\"; usage: " + usage_line(command));
}

// The words nobody took: a command name that does not exist, flags the chosen command does not have.
void reject_unknown_words(const CLI::App& program) {
  const std::vector<CLI::App*> chosen = program.get_subcommands();
  const std::vector<std::string> before = program.remaining();
  if (chosen.empty() && !before.empty() && before.front().rfind("-", 0) != 0) {
    std::vector<std::string> commands;
    for (const CLI::App* command : program.get_subcommands([](const CLI::App*) { return true; }))
      commands.push_back(command->get_name());
    std::string message = "unknown command \"" + before.front() + "\"";
    std::string suggestion = closest_match(before.front(), commands);
    if (!suggestion.empty()) {
      message += "; did you mean \"" + suggestion + "\"?";
    } else {
      message += "; the commands are";
      for (size_t i = 0; i < commands.size(); ++i) message += (i ? ", " : " ") + commands[i];
    }
    throw usage_error(message);
  }
  reject_left_over(program, before);
  if (!chosen.empty()) reject_left_over(*chosen.front(), chosen.front()->remaining());
}

const CLI::Option* find_option(const CLI::App& program, const std::string& name) {
  const std::vector<CLI::App*> chosen = program.get_subcommands();
  const CLI::App& command = chosen.empty() ? program : *chosen.front();
  for (const CLI::Option* option : command.get_options())
    if (name_of(*option) == name || option->get_name() == name) return option;
  return nullptr;
}

// CLI11's own errors, in caseflow's words. They carry only a message, which starts with the option's name.
InputError translate(const CLI::ParseError& error, const CLI::App& program) {
  const std::string what = error.what();
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error)) {
    // "--out: 1 required DIR missing": the value was left out at the end of the line.
    if (size_t colon = what.find(": "); colon != std::string::npos && what.find(" required ") != std::string::npos) {
      std::string name = what.substr(0, colon);
      const CLI::Option* option = find_option(program, name);
      bool files = option && option->get_items_expected_max() > 1;
      return usage_error(name + (files ? " needs at least one file" : " needs a value"));
    }
    // "per-replication was given a disallowed flag override": a switch given a value (--per-replication=yes).
    if (size_t end = what.find(" was given a disallowed flag override"); end != std::string::npos)
      return usage_error("--" + what.substr(0, end) + " takes no value");
  }
  if (dynamic_cast<const CLI::RequiredError*>(&error)) {
    // "--as-of is required" or "SCENARIO is required".
    std::string name = what.substr(0, what.find(' '));
    if (const CLI::Option* option = find_option(program, name)) {
      const std::vector<CLI::App*> chosen = program.get_subcommands();
      if (option->get_positional() && !chosen.empty())
        return usage_error(name + " is required; usage: " + usage_line(*chosen.front()));
      bool files = option->get_items_expected_max() > 1;
      return usage_error(name + " " + option->get_type_name() + (files ? "..." : "") + " is required");
    }
  }
  return usage_error(what);
}

}  // namespace

InputError usage_error(const std::string& message) { return InputError("caseflow", "", message); }

CLI::Option* add_whole_number(CLI::App& command, const std::string& names, int& target, long long min, long long max,
                              const std::string& help) {
  CLI::Option* option = command.add_option(names, target, help)->type_name("N")->capture_default_str();
  return option->transform(whole_number_check(name_of(*option), min, max));
}

CLI::Option* add_whole_number(CLI::App& command, const std::string& names, double& target, long long min, long long max,
                              const std::string& help, const std::string& default_text) {
  CLI::Option* option = command.add_option(names, target, help)->type_name("N")->default_str(default_text);
  return option->transform(whole_number_check(name_of(*option), min, max));
}

CLI::Option* add_unsigned(CLI::App& command, const std::string& names, uint64_t& target, const std::string& value_name,
                          const std::string& help) {
  CLI::Option* option = command.add_option(names, target, help)->type_name(value_name)->capture_default_str();
  return option->transform(unsigned_check(name_of(*option)));
}

CLI::Option* add_text(CLI::App& command, const std::string& names, std::string& target, const std::string& value_name,
                      const std::string& help) {
  CLI::Option* option = command.add_option(names, target, help)->type_name(value_name);
  return option->check(not_a_flag(name_of(*option) + " needs a value"));
}

CLI::Option* add_choice(CLI::App& command, const std::string& names, std::string& target, const std::vector<std::string>& choices,
                        const std::string& help) {
  std::string value_name;
  for (const auto& choice : choices) value_name += (value_name.empty() ? "" : "|") + choice;
  CLI::Option* option = command.add_option(names, target, help)->type_name(value_name)->capture_default_str();
  return option->check(choice_check(name_of(*option), choices));
}

CLI::Option* add_files(CLI::App& command, const std::string& names, std::vector<std::string>& target, const std::string& help) {
  CLI::Option* option = command.add_option(names, target, help)->type_name("FILE")->expected(1, CLI::detail::expected_max_vector_size);
  option->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  return option->check(not_a_flag(name_of(*option) + " needs at least one file"));
}

CLI::Option* add_switch(CLI::App& command, const std::string& names, bool& target, const std::string& help) {
  return command.add_flag(names, target, help)->disable_flag_override();
}

CLI::Option* add_scenario(CLI::App& command, const std::string& name, std::string& target, const std::string& help) {
  return command.add_option(name, target, help)->type_name("")->required();
}

void configure_program(CLI::App& program) {
  auto formatter = std::make_shared<WrappingFormatter>();
  formatter->column_width(32);
  program.formatter(formatter);
  program.set_help_flag("-h,--help", "print this help and exit");
  program.allow_extras();
  program.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
}

ParsedCommandLine parse_command_line(CLI::App& program, int argc, const char* const* argv) {
  std::vector<std::string> words(argv + 1, argv + argc);
  if (words.empty()) {
    std::cerr << program.help();
    return {nullptr, 2};
  }
  if (words.front() == "help") {  // `caseflow help` and `caseflow help COMMAND`, as --help
    for (const CLI::App* command : program.get_subcommands([](const CLI::App*) { return true; }))
      if (words.size() > 1 && command->get_name() == words[1]) {
        std::cout << command->help(program.get_name());
        return {nullptr, 0};
      }
    std::cout << program.help();
    return {nullptr, 0};
  }
  try {
    program.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << program.help();  // the chosen command's, when there is one
    return {nullptr, 0};
  } catch (const CLI::CallForVersion& version) {
    std::cout << version.what() << '\n';
    return {nullptr, 0};
  } catch (const CLI::ParseError& error) {
    // A word nobody took is usually the cause (a mistyped required flag is "missing"): say that first.
    reject_unknown_words(program);
    throw translate(error, program);
  } catch (const InputError&) {
    reject_unknown_words(program);
    throw;
  }
  reject_unknown_words(program);
  const std::vector<CLI::App*> chosen = program.get_subcommands();
  if (chosen.empty()) {
    std::cerr << program.help();
    return {nullptr, 2};
  }
  return {chosen.front(), 0};
}

}  // namespace caseflow::cli
