const { src, dest, task } = require('gulp');

// tsc emits only JavaScript; n8n also needs the icons (and codex JSON) next to the built files.
function copyStaticFiles() {
	return src(['nodes/**/*.{png,svg,json}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(
		dest('dist'),
	);
}

task('build:icons', copyStaticFiles);
