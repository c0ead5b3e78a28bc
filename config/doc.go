// Package config reads summitbot's settings from the environment, with a
// .env file loaded by godotenv when present, validates them once at start and
// reports a bad value as a one-line error naming the setting.
package config
