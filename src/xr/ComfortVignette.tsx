import { useMemo } from 'react';
import { ShaderMaterial, type Mesh } from 'three';

/**
 * A comfort vignette drawn straight in clip space, so in VR it sits in front of each eye with no
 * pose lag: the edge of view darkens while the player moves smoothly, which eases motion sickness.
 * The locomotion system sets its `strength` uniform (0..1) every frame and hides it at 0.
 */
export function ComfortVignette({ attach }: { attach: (mesh: Mesh | null) => void }) {
  const material = useMemo(() => new ShaderMaterial({
    uniforms: { strength: { value: 0 } },
    vertexShader: /* glsl */ `
      varying vec2 vNdc;
      void main() {
        vNdc = position.xy;
        gl_Position = vec4(position.xy, 0.0, 1.0);
      }`,
    fragmentShader: /* glsl */ `
      uniform float strength;
      varying vec2 vNdc;
      void main() {
        // The clear centre shrinks as strength grows; the rim goes dark.
        float r = length(vNdc);
        float inner = mix(1.1, 0.35, strength);
        float a = smoothstep(inner, inner + 0.45, r) * min(1.0, strength * 1.4);
        gl_FragColor = vec4(0.0, 0.0, 0.0, a);
      }`,
    transparent: true,
    depthTest: false,
    depthWrite: false,
  }), []);
  return (
    <mesh ref={attach} frustumCulled={false} renderOrder={1000} material={material} visible={false}>
      <planeGeometry args={[2, 2]} />
    </mesh>
  );
}
