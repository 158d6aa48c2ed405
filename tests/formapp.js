// A recording stand-in for Google Apps Script's FormApp and Logger, for the script that
// `rolefinder questions --form google` prints (tests/test_formbuild.py).
//
//   node formapp.js SCRIPT FUNCTION
//
// runs SCRIPT in a context holding only FormApp and Logger (no require, no process, no
// console), calls FUNCTION as the editor's Run button does, and prints as JSON the forms it
// built (title, description, items with their type, title, help text, required and choices),
// what it logged, and every call made, in order. Each object has only the methods of its
// Apps Script class that are listed here, and each checks its arguments' types as Apps Script
// does: anything else throws, and node exits non-zero with the error on stderr.
"use strict";

const fs = require("fs");
const vm = require("vm");

const [scriptPath, functionName] = process.argv.slice(2);
const forms = [];
const logs = [];
const calls = [];

function fail(message) {
  throw new TypeError(message);
}

function expectText(where, value) {
  if (typeof value !== "string") fail(`${where}: expected a string, got ${typeof value}`);
}

// An object with only these methods, each call recorded: any other property is an error.
function strict(name, methods) {
  const recorded = {};
  for (const [method, body] of Object.entries(methods)) {
    recorded[method] = (...args) => {
      calls.push({ on: name, method, args });
      return body(...args);
    };
  }
  return new Proxy(recorded, {
    get(target, property) {
      if (typeof property === "string" && Object.hasOwn(target, property)) {
        return target[property];
      }
      if (property === "toJSON") return () => `<${name}>`; // as recorded among the calls
      return fail(`${name} has no ${String(property)} in this stand-in`);
    },
    set() {
      return fail(`${name}: nothing can be set on it`);
    },
  });
}

function item(form, type) {
  const record = { type, title: "", helpText: "", required: false };
  const name = `${type}#${form.items.length + 1}`;
  form.items.push(record);
  const methods = {
    setTitle(title) {
      expectText(`${name}.setTitle`, title);
      record.title = title;
      return self;
    },
    setHelpText(text) {
      expectText(`${name}.setHelpText`, text);
      record.helpText = text;
      return self;
    },
    setRequired(enabled) {
      if (typeof enabled !== "boolean") fail(`${name}.setRequired: expected a boolean`);
      record.required = enabled;
      return self;
    },
  };
  if (type === "multipleChoice") {
    record.choices = [];
    record.other = false;
    const made = new Set();
    Object.assign(methods, {
      setChoiceValues(values) {
        if (!Array.isArray(values)) fail(`${name}.setChoiceValues: expected an array`);
        values.forEach((value) => expectText(`${name}.setChoiceValues`, value));
        record.choices = [...values];
        return self;
      },
      createChoice(value) {
        expectText(`${name}.createChoice`, value);
        const choice = strict(`choice of ${name}`, { getValue: () => value });
        made.add(choice);
        return choice;
      },
      setChoices(choices) {
        if (!Array.isArray(choices)) fail(`${name}.setChoices: expected an array`);
        if (!choices.every((choice) => made.has(choice))) {
          fail(`${name}.setChoices: every choice must come from createChoice`);
        }
        record.choices = choices.map((choice) => choice.getValue());
        return self;
      },
      showOtherOption(enabled) {
        if (typeof enabled !== "boolean") fail(`${name}.showOtherOption: expected a boolean`);
        record.other = enabled;
        return self;
      },
    });
  }
  const self = strict(name, methods);
  return self;
}

const FormApp = strict("FormApp", {
  create(title) {
    expectText("FormApp.create", title);
    const number = forms.length + 1;
    const record = { title, description: "", items: [] };
    forms.push(record);
    const id = `stand-in-form-${number}`;
    const form = strict(`Form#${number}`, {
      setTitle(text) {
        expectText("Form.setTitle", text);
        record.title = text;
        return form;
      },
      setDescription(text) {
        expectText("Form.setDescription", text);
        record.description = text;
        return form;
      },
      addTextItem: () => item(record, "text"),
      addMultipleChoiceItem: () => item(record, "multipleChoice"),
      getId: () => id,
      getEditUrl: () => `https://docs.google.com/forms/d/${id}/edit`,
      getPublishedUrl: () => `https://docs.google.com/forms/d/e/${id}/viewform`,
    });
    return form;
  },
});

const Logger = strict("Logger", {
  log(message) {
    logs.push(String(message));
    return Logger;
  },
});

const context = vm.createContext({ FormApp, Logger });
vm.runInContext(fs.readFileSync(scriptPath, "utf8"), context, { filename: scriptPath });
const run = context[functionName];
if (typeof run !== "function") fail(`the script defines no function ${functionName}`);
run();
process.stdout.write(JSON.stringify({ forms, logs, calls }));
