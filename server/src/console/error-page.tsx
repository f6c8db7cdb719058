import { Layout } from './layout';

export function ErrorLayout(props: { status: number; message: string }) {
  return (
    <Layout
      title={
        props.status === 403 ? 'この画面は使えません' : props.status === 404 ? '見つかりません' : 'エラー'
      }
    >
      <p class="error" role="alert">
        {props.message}
      </p>
      <p>
        <a href="/console">コンソールのトップへ戻る</a>
      </p>
    </Layout>
  );
}
