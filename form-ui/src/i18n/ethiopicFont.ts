// Tigrinya needs an Ethiopic font that many phones lack; it is self-hosted and loaded only for `ti`.
import '@fontsource/noto-sans-ethiopic/400.css';
import '@fontsource/noto-sans-ethiopic/700.css';
