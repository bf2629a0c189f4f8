// The method finder (werkvorm-kiezen/), loaded on that page only. Ticking a box filters the list at once:
// OR within a group, AND across groups, an unknown value never matches (macros/finder.py has the same rule,
// and the tests compare the two). The choice lives in the address (?group_size=klein&kind=method) in the
// order it was made, so a link can be shared and the back button goes back one choice.
// Without a script, the stylesheet finder-no-script.css (macros/finder.py) filters the list.

const finder = document.querySelector("[data-bb-finder]");
if (finder) {
  const form = finder.querySelector("form");
  const boxes = [...form.querySelectorAll("input[type=checkbox]")];
  const groups = [...new Set(boxes.map((box) => box.name))];
  const list = finder.querySelector(".bb-finder__results");
  const results = [...list.querySelectorAll(".bb-result")].map((element) => ({
    element,
    values: Object.fromEntries(groups.map((group) => [group, (element.getAttribute(`data-${group}`) || "").split(" ")])),
  }));
  const count = finder.querySelector("[data-bb-count]");
  const chosen = finder.querySelector("[data-bb-chosen]");
  const empty = finder.querySelector("[data-bb-empty]");
  const removeLast = finder.querySelector("[data-bb-remove-last]");
  const address = finder.querySelector("[data-bb-address]");
  const print = finder.querySelector("[data-bb-print]"); // shown by handbook.js, which runs first
  const badges = boxes.map((box) => box.closest("label").querySelector(".bb-finder__n"));
  let choice = []; // [group, value] pairs, in the order the reader ticked them

  const boxOf = ([group, value]) => boxes.find((box) => box.name === group && box.value === value);

  // What a reader reads for a choice: the option's label, after its group's legend for a yes or no.
  const describe = (pair) => {
    const box = boxOf(pair);
    const label = box.nextElementSibling.textContent;
    return ["true", "false"].includes(box.value) ? `${box.closest("fieldset").querySelector("legend").textContent}: ${label}` : label;
  };

  function readAddress() {
    choice = [...new URLSearchParams(location.search)].filter(boxOf);
    boxes.forEach((box) => (box.checked = false));
    choice.forEach((pair) => (boxOf(pair).checked = true));
  }

  function writeAddress() {
    const search = new URLSearchParams(choice).toString();
    if (search !== location.search.slice(1)) history.pushState(null, "", search ? `?${search}` : location.pathname);
  }

  // Only a text that changes is written: each write makes the browser lay the page out again.
  const setText = (element, text) => {
    if (element.textContent !== text) element.textContent = text;
  };

  function apply() {
    const wanted = {};
    choice.forEach(([group, value]) => (wanted[group] ||= []).push(value));
    const active = Object.keys(wanted);
    const counts = Object.fromEntries(groups.map((group) => [group, {}]));
    let shown = 0;
    let previous = null; // the last result in the list so far
    for (const { element, values } of results) {
      let missed = 0;
      let missedGroup = null;
      for (const group of active) {
        if (!wanted[group].some((value) => values[group].includes(value))) [missed, missedGroup] = [missed + 1, group];
      }
      // A result the choice leaves out is taken out of the page and put back in its place when it fits
      // again: the browser restyles only what changes, so ticking a box stays quick with hundreds of results.
      if (missed === 0) {
        if (!element.isConnected && previous) previous.after(element);
        else if (!element.isConnected) list.prepend(element);
        previous = element;
      } else if (element.isConnected) {
        element.remove();
      }
      shown += missed === 0;
      // An option counts the items that have its value and fit every other group.
      for (const group of missed === 0 ? groups : missed === 1 ? [missedGroup] : []) {
        for (const value of values[group]) counts[group][value] = (counts[group][value] || 0) + 1;
      }
    }
    boxes.forEach((box, index) => {
      const number = counts[box.name][box.value] || 0;
      badges[index].parentElement.classList.toggle("bb-finder__option--none", number === 0);
      setText(badges[index], `(${number})`);
    });
    setText(count, (shown === 1 ? form.dataset.countOne : form.dataset.countOther).replace("{count}", shown));
    chosen.hidden = choice.length === 0;
    setText(chosen, chosen.dataset.text.replace("{filters}", choice.map(describe).join(chosen.dataset.separator)));
    empty.hidden = shown > 0;
    print.hidden = shown === 0;
    if (choice.length) setText(removeLast, removeLast.dataset.text.replace("{filter}", describe(choice.at(-1))));
    setText(address, location.href);
  }

  form.addEventListener("change", ({ target }) => {
    choice = choice.filter(([group, value]) => group !== target.name || value !== target.value);
    if (target.checked) choice.push([target.name, target.value]);
    writeAddress();
    apply();
  });
  form.querySelector("[data-bb-reset]").addEventListener("click", (event) => {
    event.preventDefault();
    choice = [];
    boxes.forEach((box) => (box.checked = false));
    writeAddress();
    apply();
  });
  removeLast.addEventListener("click", () => {
    boxOf(choice.pop()).checked = false;
    writeAddress();
    apply();
    document.getElementById("bb-finder-results").focus();
  });
  window.addEventListener("popstate", () => {
    readAddress();
    apply();
  });

  readAddress();
  apply();
}
