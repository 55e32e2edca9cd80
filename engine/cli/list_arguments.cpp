#include "list_arguments.hpp"

#include "arguments.hpp"

namespace caseflow::cli {

const std::vector<std::string>& ListArguments::list(const std::string& name) const {
  static const std::vector<std::string> none;
  auto found = lists.find(name);
  return found == lists.end() ? none : found->second;
}

ListArguments take_list_options(const std::vector<std::string>& words, const std::set<std::string>& list_names) {
  ListArguments result;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (!list_names.count(word)) {
      result.rest.push_back(word == "-o" ? "--out" : word);
      continue;
    }
    std::vector<std::string>& values = result.lists[word];
    size_t before = values.size();
    while (i + 1 < words.size() && !(words[i + 1].size() > 1 && words[i + 1][0] == '-')) values.push_back(words[++i]);
    if (values.size() == before) throw usage_error(word + " needs at least one file");
  }
  return result;
}

}  // namespace caseflow::cli
