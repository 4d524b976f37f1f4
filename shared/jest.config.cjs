const { jestPreset } = require('../config/jest.preset.cjs');

module.exports = { ...jestPreset(), testEnvironment: 'node' };
