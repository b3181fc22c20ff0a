import { expect, test } from 'vitest';
import { ShaderLib, UniformsUtils, type WebGLProgramParametersWithUniforms, type WebGLRenderer } from 'three';
import { createCreatureMaterial } from './creature-material.ts';

test('the animation lands in three\'s standard shader: every hook it replaces exists', () => {
  const time = { value: 0 };
  const material = createCreatureMaterial({ bob: 0.1, roll: 0, knee: 1, tail: 0.3, roughness: 0.5, metalness: 0 }, time);
  const shader = {
    vertexShader: ShaderLib.standard.vertexShader,
    fragmentShader: ShaderLib.standard.fragmentShader,
    uniforms: UniformsUtils.clone(ShaderLib.standard.uniforms),
  } as unknown as WebGLProgramParametersWithUniforms;
  material.onBeforeCompile(shader, null as unknown as WebGLRenderer);
  expect(shader.vertexShader).not.toContain('#include <beginnormal_vertex>');
  expect(shader.vertexShader).not.toContain('#include <begin_vertex>');
  expect(shader.vertexShader).toContain('vec3 transformed = crPos;');
  expect(shader.vertexShader).toContain('attribute vec4 iGait;');
  expect(shader.fragmentShader).toContain('diffuseColor.rgb *= vCrTint;');
  expect(shader.fragmentShader).toContain('totalEmissiveRadiance += diffuseColor.rgb * vCrGlow');
  expect(shader.uniforms.uTime).toBe(time);
  expect((shader.uniforms.uRig.value as { x: number }).x).toBe(0.1);
  // The four types share one program.
  expect(material.customProgramCacheKey()).toBe(createCreatureMaterial({ bob: 0, roll: 0.2, knee: 0, tail: 0, roughness: 1, metalness: 0 }, time).customProgramCacheKey());
});
