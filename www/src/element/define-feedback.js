// Registers <helpdex-feedback>: import this module for its side effect. Registering twice is
// harmless.
import { HelpdexFeedbackElement, REASONS } from './feedback.js';

HelpdexFeedbackElement.define();

export { HelpdexFeedbackElement, REASONS };
