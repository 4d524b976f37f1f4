import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Pages load their route chunk, then the scope, then their data: on a busy 2-core machine the
// first render of a suite can take longer than Testing Library's 1 s default.
configure({ asyncUtilTimeout: 15000 });
