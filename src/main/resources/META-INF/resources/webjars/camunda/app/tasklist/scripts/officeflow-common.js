/*
 * Shared by the OfficeFlow Tasklist plugins (officeflow-remind, officeflow-incoming): where the project's
 * /api lives, a small DOM helper and a JSON reader that tolerates empty or non-JSON error bodies. Importing it
 * also installs the Chinese texts for form-js (officeflow-zh.js).
 */
import './officeflow-zh.js';

/** The project's /api at the servlet context root (app-root is e.g. "/camunda" or "/ctx/camunda"). */
export function apiRoot() {
  const appRoot = document.querySelector('base').getAttribute('app-root') || '';
  return appRoot.replace(/\/camunda\/?$/, '') + '/api';
}

/** A new element with attributes and, optionally, text content (never HTML). */
export function element(tag, attributes, text) {
  const el = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => el.setAttribute(name, value));
  if (text) {
    el.textContent = text;
  }
  return el;
}

/** The response body as JSON, or null when there is none. */
export async function json(response) {
  try {
    return await response.json();
  } catch (e) {
    return null;
  }
}
